import type { HerokuApp, HerokuAppSetup, HerokuFormation } from './state';

// Response bodies in the shapes the Platform API documents, trimmed to fields with meaningful values here.

export function renderApp(app: HerokuApp, baseUrl: string) {
  return {
    id: app.id,
    name: app.name,
    acm: false,
    archived_at: null,
    build_stack: { id: STACK_ID, name: 'heroku-24' },
    stack: { id: STACK_ID, name: 'heroku-24' },
    buildpack_provided_description: 'Node.js',
    created_at: app.createdAt,
    updated_at: app.updatedAt,
    released_at: app.updatedAt,
    git_url: `https://git.heroku.com/${app.name}.git`,
    internal_routing: null,
    maintenance: false,
    owner: { id: OWNER_ID, email: 'simulator@voiceplane.local' },
    organization: app.team ? { id: OWNER_ID, name: app.team } : null,
    team: app.team ? { id: OWNER_ID, name: app.team } : null,
    region: { id: REGION_ID, name: app.region },
    space: null,
    repo_size: null,
    slug_size: null,
    web_url: `${baseUrl}/sim-apps/${app.name}/`,
  };
}

export function renderSetup(setup: HerokuAppSetup) {
  return {
    id: setup.id,
    created_at: setup.createdAt,
    updated_at: setup.updatedAt,
    app: { id: setup.appId, name: setup.appName },
    build: setup.status === 'pending' ? null : { id: setup.id, status: setup.status, output_stream_url: null },
    status: setup.status,
    failure_message: setup.failureMessage,
    manifest_errors: [],
    postdeploy: null,
    resolved_success_url: null,
  };
}

export function renderFormation(app: HerokuApp, formation: HerokuFormation) {
  return {
    id: formation.id,
    app: { id: app.id, name: app.name },
    type: formation.type,
    command: formation.command,
    quantity: formation.quantity,
    size: formation.size,
    created_at: formation.createdAt,
    updated_at: formation.updatedAt,
  };
}

const STACK_ID = '3e2f6a0c-5b4b-4d1e-9d55-2a4f0c9b7e24';
const OWNER_ID = '5d8c1a3e-0f4b-4a7e-8c21-6b9e4f2d1a70';
const REGION_ID = '59accabd-516d-4f0e-83e6-6e3757701145';
