// heroku-client ships no types; this covers the part the adapter uses.
declare module 'heroku-client' {
  interface RequestOptions {
    body?: unknown;
    headers?: Record<string, string>;
  }
  interface HerokuOptions {
    token?: string;
    host?: string;
    timeout?: number;
    headers?: Record<string, string>;
  }
  class Heroku {
    constructor(options?: HerokuOptions);
    options: HerokuOptions;
    request<T>(options: RequestOptions & { method: string; path: string }): Promise<T>;
    get<T>(path: string, options?: RequestOptions): Promise<T>;
    post<T>(path: string, options?: RequestOptions): Promise<T>;
    patch<T>(path: string, options?: RequestOptions): Promise<T>;
    delete<T>(path: string, options?: RequestOptions): Promise<T>;
  }
  export = Heroku;
}

declare module 'heroku-client/lib/request' {
  class HerokuRequest {
    constructor(options: object);
    request<T>(): Promise<T>;
    handleError(error: Error): void;
    reject(error: unknown): void;
  }
  export = HerokuRequest;
}
