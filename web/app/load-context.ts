/** What `web/server.mjs` (`npm run start:web`) gives every loader and action as `context`. */
declare module 'react-router' {
  interface AppLoadContext {
    /**
     * The browser's TCP peer address. Absent under the Vite dev server, whose own proxy answers the API paths
     * (web/vite.config.ts).
     */
    clientAddress?: string;
  }
}

export {};
