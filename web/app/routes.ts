import type { RouteConfig } from '@react-router/dev/routes';
import { flatRoutes } from '@react-router/fs-routes';

/** The file-system routes in app/routes/, by the same convention Remix v2 used, so every URL stays as it was. */
export default flatRoutes() satisfies RouteConfig;
