import { randomUUID } from 'node:crypto';

export interface HerokuFormation {
  id: string;
  type: string;
  quantity: number;
  size: string;
  command: string;
  createdAt: string;
  updatedAt: string;
}

export interface HerokuApp {
  id: string;
  name: string;
  region: string;
  team: string | null;
  setupId: string;
  configVars: Record<string, string>;
  formation: Map<string, HerokuFormation>;
  createdAt: string;
  updatedAt: string;
}

export interface HerokuAppSetup {
  id: string;
  appId: string;
  appName: string;
  sourceUrl: string;
  status: 'pending' | 'succeeded' | 'failed';
  failureMessage: string | null;
  /** Epoch ms at which a pending setup's build finishes. */
  readyAt: number;
  createdAt: string;
  updatedAt: string;
}

export interface HerokuState {
  apps: Map<string, HerokuApp>;
  setups: Map<string, HerokuAppSetup>;
}

export function createHerokuState(): HerokuState {
  return { apps: new Map(), setups: new Map() };
}

/**
 * Builds finish lazily, when someone looks: no timers to leak, and the outcome depends only on the clock.
 * A finished build releases a `web` process at 0 dynos, so a forgotten scale step shows as a failing health check.
 */
export function settleSetup(state: HerokuState, setup: HerokuAppSetup, now = Date.now()): HerokuAppSetup {
  if (setup.status !== 'pending' || now < setup.readyAt) return setup;
  const at = new Date(now).toISOString();
  setup.status = 'succeeded';
  setup.updatedAt = at;
  const app = state.apps.get(setup.appName);
  if (app && app.id === setup.appId && !app.formation.has('web')) {
    app.formation.set('web', {
      id: randomUUID(),
      type: 'web',
      quantity: 0,
      size: 'Basic',
      command: 'npm start',
      createdAt: at,
      updatedAt: at,
    });
  }
  return setup;
}

/** The app by name with its build settled, or null. */
export function findHerokuApp(state: HerokuState, name: string): HerokuApp | null {
  const app = state.apps.get(name);
  if (!app) return null;
  const setup = state.setups.get(app.setupId);
  if (setup) settleSetup(state, setup);
  return app;
}
