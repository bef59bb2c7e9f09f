import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Plan } from '../db/entities';
import { inScope } from '../db/scope';
import { seed } from '../domain/seed';
import { getFreePort } from '../tests/support/free-port';
import { seedApiBenchTenants, type BenchTenant, type BenchTenantSpec } from './support/api-dataset';
import { startBenchStack } from './support/bench-stack';
import { summarizeLatencies, type LatencySummary } from './support/latency-stats';
import { createLeakScanner, type Leak } from './support/leak-scanner';
import { startNodeService, type NodeService } from './support/node-service';
import { measureRouteCosts, type RouteCost } from './support/route-cost';
import { portalRequests, seededRandom, type PortalContext } from './support/portal-mix';
import { postgresCpuSeconds, processTreeCpuSeconds } from './support/process-cpu';
import { driveAtRate, driveVirtualUsers, send, type Sample, type VirtualUser } from './support/virtual-users';

/** The seed's launch gate (003 S7.4) as the issue sets it; printed next to the figures, not asserted. */
const TARGET = { p95Ms: 50, requestsPerSecond: 1_000 };
/** Requests per route when each route is measured alone, before the load. */
const ROUTE_COST_REQUESTS = 100;
const DATA_DIR = path.resolve('.data/bench-api-postgres');
const RUN_DIR = path.resolve('.data/bench-api');
const PASSWORD = 'Bench-Portal-Pass-42!';

/** 50 + 50 virtual users on two tenants of a big plan, 10 on a Starter tenant (1 bot, minutes over its cap). */
const TENANTS: readonly (BenchTenantSpec & { share: number })[] = [
  {
    key: 'alpenklang',
    word: 'alpenklang',
    plan: 'enterprise',
    share: 50,
    users: 50,
    bots: 12,
    callLogs: 3_000,
    tickets: 150,
    usagePerDayAndKind: 40,
    minutesThisMonth: 2_400,
  },
  {
    key: 'donauwelle',
    word: 'donauwelle',
    plan: 'enterprise',
    share: 50,
    users: 50,
    bots: 12,
    callLogs: 3_000,
    tickets: 150,
    usagePerDayAndKind: 40,
    minutesThisMonth: 2_100,
  },
  {
    key: 'kleinstart',
    word: 'kleinstart',
    plan: 'starter',
    share: 10,
    users: 10,
    bots: 1,
    callLogs: 300,
    tickets: 20,
    usagePerDayAndKind: 4,
    minutesThisMonth: 140,
  },
];

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const seconds = argv.includes('--full') ? 600 : Number(value('--seconds') ?? 60);
  const connections = Number(value('--connections') ?? 110);
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error('--seconds takes a whole number of seconds');
  if (!Number.isInteger(connections) || connections < TENANTS.length)
    throw new Error(`--connections takes a whole number ≥ ${TENANTS.length}`);
  const cpuProfile = argv.includes('--cpu-prof');
  // As production would run on this machine: one API process per core (API_WORKERS), and so the floor.
  const workers = Number(value('--workers') ?? os.availableParallelism());
  if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers takes a whole number ≥ 1');
  // Open loop: requests arrive at this rate whatever the answers (default: closed loop, one per connection).
  const rate = value('--rate') === undefined ? null : Number(value('--rate'));
  if (rate !== null && !(rate > 0)) throw new Error('--rate takes a number of requests per second > 0');
  return {
    seconds,
    connections,
    cpuProfile,
    workers,
    rate,
    warmupSeconds: Math.min(5, Math.max(1, Math.round(seconds / 12))),
  };
}

/** How the load arrives: closed loop over the connections, or open loop at a rate over that many sessions. */
const loadShape = (args: { connections: number; rate: number | null }): string =>
  args.rate === null
    ? `${args.connections} connections`
    : `open loop at ${args.rate} req/s over ${args.connections} sessions`;

/** Connections per tenant in the seed's 50:50:10 proportion, at least one each. */
function splitConnections(total: number): number[] {
  const shares = TENANTS.reduce((sum, tenant) => sum + tenant.share, 0);
  const counts = TENANTS.map((tenant) => Math.max(1, Math.floor((total * tenant.share) / shares)));
  for (let n = 0; counts.reduce((sum, count) => sum + count, 0) < total; n += 1) counts[n % counts.length]! += 1;
  return counts;
}

/**
 * `npm run bench:api [-- --seconds N | --full] [--connections N]`: the seed's multi-tenant load test (003 S7.4)
 * against the API in production mode, then a raw floor (a bare Fastify route, one primary-key query) under the
 * same connections for the same time. See docs/benchmarks.md.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const perTenant = splitConnections(args.connections);
  const runId = randomBytes(3).toString('hex');
  console.log(
    `bench:api — ${args.seconds} s measured (+${args.warmupSeconds} s warm-up), ${loadShape(args)}, ` +
      `${args.workers} API ${args.workers === 1 ? 'process' : 'processes'} ` +
      `(${TENANTS.map((tenant, n) => `${perTenant[n]} ${tenant.key}/${tenant.plan}`).join(' · ')}); ` +
      `${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );

  rmSync(DATA_DIR, { recursive: true, force: true });
  const stack = await startBenchStack({ dataDir: DATA_DIR });
  const services: NodeService[] = [];
  try {
    await seed(stack.orm, {
      adminEmail: 'bench-admin@voiceplane.local',
      adminPassword: 'Bench-Admin-Pass-123!',
      demo: null,
    });
    const seedStarted = Date.now();
    const tenants = await seedApiBenchTenants(stack.orm, TENANTS, { runId, password: PASSWORD });
    console.log(
      `seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s: ${tenants
        .map(
          (tenant) =>
            `${tenant.spec.key} ${tenant.users.length} users, ${tenant.spec.bots} bots, ${tenant.callLogIds.length} calls, ` +
            `${tenant.ticketIds.length} tickets, 12 invoices, ${tenant.spec.usagePerDayAndKind * 5 * 90} usage events`,
        )
        .join('; ')}`,
    );

    const api = await startProductionApi(stack, runId, args.cpuProfile, args.workers);
    services.push(api);
    console.log(`production API pid ${api.pid} on ${api.url}; JSON logs → ${path.relative('.', api.logFile)}`);
    const platform = await runPlatform(api, tenants, perTenant, args);
    await api.stop();
    services.splice(services.indexOf(api), 1);

    const floorService = await startFloor(stack.databaseUrl, runId, args.workers);
    services.push(floorService);
    const planIds = await inScope(stack.orm, { system: 'bench' }, async (em) =>
      (await em.find(Plan, {})).map((plan) => plan.id),
    );
    const floor = await runFloor(floorService, planIds, args);
    printReport(args, platform, floor);
  } finally {
    for (const service of services) await service.stop();
    await stack.stop();
  }
}

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

/**
 * `api/server.ts` as production runs it: APP_ENV=production with every setting production requires (a random
 * SECRET_KEY, a strong admin password, live provider credentials — placeholders no portal page sends anywhere —
 * and an SMTP URL), JSON logs at `info` into a file, the ORM's default pool. The API does not serve the web app
 * (web/server.mjs does, as a process of its own), so the load goes to the API the portal's loaders call.
 */
async function startProductionApi(
  stack: Stack,
  runId: string,
  cpuProfile: boolean,
  workers: number,
): Promise<NodeService> {
  const port = await getFreePort();
  const placeholder = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
  const profileDir = path.join(RUN_DIR, runId, 'cpu-profile');
  if (cpuProfile) console.log(`API CPU profile → ${path.relative('.', profileDir)} (written when the API stops)`);
  return startNodeService({
    entry: 'api/server.ts',
    nodeArgs: cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    port,
    cwd: path.join(RUN_DIR, runId),
    logFile: path.join(RUN_DIR, runId, 'api.log'),
    readyPath: '/api/health/live',
    env: {
      HOME: os.homedir(),
      APP_ENV: 'production',
      LOG_LEVEL: 'info',
      DATA_DIR: path.join(RUN_DIR, runId, 'data'),
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      API_WORKERS: String(workers),
      PUBLIC_BASE_URL: 'https://portal.bench.invalid',
      SECRET_KEY: randomBytes(32).toString('base64url'),
      SEED_ADMIN_PASSWORD: `Bench-${randomBytes(12).toString('base64url')}-9!`,
      SMTP_URL: 'smtp://bench:bench@127.0.0.1:2525',
      TWILIO_ACCOUNT_SID: placeholder('AC'),
      TWILIO_AUTH_TOKEN: placeholder(''),
      HEROKU_API_KEY: placeholder('bench-'),
      STRIPE_SECRET_KEY: placeholder('sk_test_bench_'),
      STRIPE_WEBHOOK_SECRET: placeholder('whsec_bench_'),
    },
  });
}

async function startFloor(databaseUrl: string, runId: string, workers: number): Promise<NodeService> {
  const port = await getFreePort();
  return startNodeService({
    entry: 'bench/support/api-floor-server.ts',
    port,
    cwd: path.join(RUN_DIR, runId),
    logFile: path.join(RUN_DIR, runId, 'floor.log'),
    readyPath: '/floor/plans/00000000-0000-0000-0000-000000000000',
    env: {
      HOME: os.homedir(),
      BENCH_FLOOR_DATABASE_URL: databaseUrl,
      BENCH_FLOOR_PORT: String(port),
      BENCH_FLOOR_POOL: '10',
      BENCH_FLOOR_WORKERS: String(workers),
    },
  });
}

interface Session {
  tenant: BenchTenant;
  role: PortalContext['role'];
  headers: Record<string, string>;
}

/**
 * Signs every virtual user in once, two at a time (the API verifies two password hashes at once and refuses
 * beyond a short queue). Each virtual user is a browser behind the web proxy, which reports the browser's
 * address in X-Forwarded-For (believed from loopback, as in production): the per-address sign-in limit applies
 * to each as it would, and the session (cookies + CSRF token) is reused for the whole run.
 */
async function signIn(baseUrl: string, tenants: BenchTenant[], perTenant: number[]): Promise<Session[]> {
  const wanted = tenants.flatMap((tenant, t) =>
    Array.from({ length: perTenant[t]! }, (_, n) => ({
      tenant,
      user: tenant.users[n % tenant.users.length]!,
      address: `10.${t + 1}.${Math.floor(n / 250)}.${(n % 250) + 1}`,
    })),
  );
  const sessions: Session[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const queue = [...wanted];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        sessions.push(await signInOne(baseUrl, agent, next));
      }
    }),
  );
  agent.destroy();
  return sessions;
}

async function signInOne(
  baseUrl: string,
  agent: http.Agent,
  who: { tenant: BenchTenant; user: BenchTenant['users'][number]; address: string },
): Promise<Session> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await send(
      baseUrl,
      agent,
      { method: 'POST', path: '/api/auth/login', body: { email: who.user.email, password: PASSWORD } },
      { 'x-forwarded-for': who.address },
    );
    if (answer.status === 200) {
      const cookies = new Map(
        (answer.headers['set-cookie'] ?? []).map((line) => {
          const [pair] = line.split(';');
          const index = pair!.indexOf('=');
          return [pair!.slice(0, index), pair!.slice(index + 1)] as const;
        }),
      );
      const access = cookies.get('vp_access');
      const csrf = cookies.get('vp_csrf');
      if (!access || !csrf) throw new Error('sign-in answered without session cookies');
      return {
        tenant: who.tenant,
        role: who.user.role,
        headers: {
          cookie: `vp_access=${access}; vp_csrf=${csrf}`,
          'x-csrf-token': decodeURIComponent(csrf),
          'x-forwarded-for': who.address,
        },
      };
    }
    if ((answer.status === 503 || answer.status === 0) && attempt < 20) {
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      continue;
    }
    throw new Error(`sign-in of ${who.user.email} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  }
}

interface RouteFigures {
  route: string;
  latency: LatencySummary;
  perSecond: number;
  failures: number;
}

interface Measured {
  requests: number;
  windowSeconds: number;
  latency: LatencySummary;
  routes: RouteFigures[];
  cpu: { service: number; postgres: number; loadGenerator: number };
}

interface PlatformFigures extends Measured {
  byTenant: { key: string; plan: string; connections: number; requests: number; latency: LatencySummary }[];
  errors: Map<string, number>;
  planLimits: Map<string, number>;
  scanned: number;
  leaks: Leak[];
  leakCount: number;
  routeCosts: RouteCost[];
}

/** CPU seconds of the service, PostgreSQL and this process (the load generator), read at two instants. */
function cpuProbe(pid: number) {
  const read = () => {
    const own = process.cpuUsage();
    return {
      service: processTreeCpuSeconds(pid),
      postgres: postgresCpuSeconds(DATA_DIR),
      loadGenerator: (own.user + own.system) / 1e6,
    };
  };
  let before = read();
  return {
    start: () => {
      before = read();
    },
    stop: () => {
      const after = read();
      return {
        service: after.service - before.service,
        postgres: after.postgres - before.postgres,
        loadGenerator: after.loadGenerator - before.loadGenerator,
      };
    },
  };
}

async function drive(
  baseUrl: string,
  pid: number,
  users: VirtualUser[],
  args: ReturnType<typeof parseArgs>,
  record: (sample: Sample) => void,
): Promise<Measured> {
  const latencies = new Map<string, number[]>();
  const failures = new Map<string, number>();
  const all: number[] = [];
  const cpu = cpuProbe(pid);
  const windowStart = setTimeout(cpu.start, args.warmupSeconds * 1000);
  const driver = args.rate === null ? driveVirtualUsers : driveAtRate;
  const { windowSeconds } = await driver(baseUrl, users, {
    rate: args.rate ?? 0,
    warmupSeconds: args.warmupSeconds,
    seconds: args.seconds,
    record(sample) {
      const { route } = sample.request;
      const list = latencies.get(route) ?? [];
      list.push(sample.answer.ms);
      latencies.set(route, list);
      all.push(sample.answer.ms);
      if (sample.answer.status < 200 || sample.answer.status >= 300)
        failures.set(route, (failures.get(route) ?? 0) + 1);
      record(sample);
    },
  });
  clearTimeout(windowStart);
  const spent = cpu.stop();
  const routes = [...latencies]
    .map(([route, samples]) => ({
      route,
      latency: summarizeLatencies(samples),
      perSecond: samples.length / windowSeconds,
      failures: failures.get(route) ?? 0,
    }))
    .sort((a, b) => b.latency.count - a.latency.count);
  return {
    requests: all.length,
    windowSeconds,
    latency: summarizeLatencies(all),
    routes,
    cpu: {
      service: spent.service / windowSeconds,
      postgres: spent.postgres / windowSeconds,
      loadGenerator: spent.loadGenerator / windowSeconds,
    },
  };
}

async function runPlatform(
  api: NodeService,
  tenants: BenchTenant[],
  perTenant: number[],
  args: ReturnType<typeof parseArgs>,
): Promise<PlatformFigures> {
  const signInStarted = Date.now();
  const sessions = await signIn(api.url, tenants, perTenant);
  console.log(`${sessions.length} virtual users signed in in ${((Date.now() - signInStarted) / 1000).toFixed(1)} s`);
  const routeCosts = await measureOneAtATime(api, tenants[0]!, sessions);

  const scanner = createLeakScanner(tenants.map((tenant) => tenant.markers));
  // One context per tenant, shared by its users: a ticket one opens is one the others may open and answer.
  const contexts = new Map(tenants.map((tenant) => [tenant.spec.key, tenantContext(tenant)]));
  const leaks: Leak[] = [];
  let leakCount = 0;
  let scanned = 0;
  const users: VirtualUser[] = sessions.map((session, n) => {
    const shared = contexts.get(session.tenant.spec.key)!;
    // The same arrays as the tenant's: tickets opened by one user are seen by all of them.
    const context: PortalContext = { ...shared, role: session.role };
    return {
      tenant: session.tenant.spec.key,
      headers: session.headers,
      next: portalRequests(context, 1_000 + n),
      answered(request, answer) {
        scanned += 1;
        const found = scanner.scan(session.tenant.spec.key, answer.body);
        leakCount += found.length;
        if (leaks.length < 20) leaks.push(...found.slice(0, 20 - leaks.length));
        if (request.route === 'POST /api/support/tickets' && answer.status === 201) {
          const id = (JSON.parse(answer.body) as { id: string }).id;
          scanner.addId(session.tenant.spec.key, id);
          shared.ticketIds.push(id);
          shared.replyableTicketIds.push(id);
        }
      },
    };
  });

  const byTenant = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const planLimits = new Map<string, number>();
  const measured = await drive(api.url, api.pid, users, args, (sample) => {
    const list = byTenant.get(sample.tenant) ?? [];
    list.push(sample.answer.ms);
    byTenant.set(sample.tenant, list);
    const { status } = sample.answer;
    if (status >= 200 && status < 300) return;
    if (status === 402 || (status === 429 && sample.answer.body.includes('"limit"'))) {
      const key = `${status} ${sample.tenant}: ${sample.request.route}`;
      planLimits.set(key, (planLimits.get(key) ?? 0) + 1);
      return;
    }
    const key = `${status === 0 ? 'no answer' : status} ${sample.request.route}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  });
  return {
    ...measured,
    byTenant: tenants.map((tenant, t) => ({
      key: tenant.spec.key,
      plan: tenant.spec.plan,
      connections: perTenant[t]!,
      requests: byTenant.get(tenant.spec.key)?.length ?? 0,
      latency: summarizeLatencies(byTenant.get(tenant.spec.key) ?? []),
    })),
    errors,
    planLimits,
    scanned,
    leaks,
    leakCount,
    routeCosts,
  };
}

/** What a tenant's pages link to, copied: tickets opened during the run are added to the copy. */
function tenantContext(tenant: BenchTenant): Omit<PortalContext, 'role'> {
  return {
    ticketIds: [...tenant.ticketIds],
    replyableTicketIds: [...tenant.replyableTicketIds],
    callLogIds: tenant.callLogIds,
    tenantWord: tenant.spec.word,
  };
}

/** Each route alone, on a customer admin's session of the first tenant (route-cost.ts), before the load. */
async function measureOneAtATime(api: NodeService, tenant: BenchTenant, sessions: Session[]): Promise<RouteCost[]> {
  const admin = sessions.find((session) => session.tenant === tenant && session.role === 'customer_admin')!;
  const context: PortalContext = { ...tenantContext(tenant), role: admin.role };
  const started = Date.now();
  const costs = await measureRouteCosts(api, { headers: admin.headers, context }, ROUTE_COST_REQUESTS);
  console.log(
    `each route alone, ${ROUTE_COST_REQUESTS} requests each, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return costs;
}

async function runFloor(floor: NodeService, planIds: string[], args: ReturnType<typeof parseArgs>): Promise<Measured> {
  const users: VirtualUser[] = Array.from({ length: args.connections }, (_, n) => {
    const random = seededRandom(5_000 + n);
    return {
      tenant: 'floor',
      headers: {},
      next: () => ({
        route: 'GET /floor/plans/:id',
        method: 'GET',
        path: `/floor/plans/${planIds[Math.floor(random() * planIds.length)]}`,
      }),
    };
  });
  return drive(floor.url, floor.pid, users, args, () => {});
}

const ms = (value: number) => (Number.isNaN(value) ? '     –' : `${value.toFixed(1).padStart(6)}`);
const rate = (value: number) => value.toFixed(1).padStart(7);
const cores = (value: number) => `${value.toFixed(2)} cores`;

function printReport(args: ReturnType<typeof parseArgs>, platform: PlatformFigures, floor: Measured): void {
  const perSecond = platform.requests / platform.windowSeconds;
  const floorPerSecond = floor.requests / floor.windowSeconds;
  console.log('');
  console.log(
    `PLATFORM (production API, ${args.workers} ${args.workers === 1 ? 'process' : 'processes'}, ${loadShape(args)}, ${platform.windowSeconds.toFixed(1)} s)`,
  );
  console.log(
    `  total ${platform.requests.toLocaleString('en')} requests, ${perSecond.toFixed(1)} req/s; ` +
      `P50 ${platform.latency.p50.toFixed(1)} ms  P95 ${platform.latency.p95.toFixed(1)} ms  P99 ${platform.latency.p99.toFixed(1)} ms`,
  );
  console.log(
    `  target: P95 < ${TARGET.p95Ms} ms at ${TARGET.requestsPerSecond.toLocaleString('en')} req/s mixed → ` +
      `measured P95 ${platform.latency.p95.toFixed(1)} ms at ${perSecond.toFixed(1)} req/s (not asserted)`,
  );
  console.log(
    `  ${'route'.padEnd(40)} ${'req/s'.padStart(7)} ${'P50'.padStart(6)} ${'P95'.padStart(6)} ${'P99'.padStart(6)}  non-2xx`,
  );
  for (const route of platform.routes) {
    console.log(
      `  ${route.route.padEnd(40)} ${rate(route.perSecond)} ${ms(route.latency.p50)} ${ms(route.latency.p95)} ${ms(route.latency.p99)}  ${route.failures}`,
    );
  }
  console.log('  per tenant:');
  for (const tenant of platform.byTenant) {
    console.log(
      `    ${`${tenant.key} (${tenant.plan}, ${tenant.connections} conn)`.padEnd(38)} ${rate(tenant.requests / platform.windowSeconds)} ` +
        `${ms(tenant.latency.p50)} ${ms(tenant.latency.p95)} ${ms(tenant.latency.p99)}`,
    );
  }
  const list = (entries: Map<string, number>) =>
    entries.size === 0
      ? 'none'
      : [...entries]
          .sort((a, b) => b[1] - a[1])
          .map(([key, count]) => `${key} ×${count}`)
          .join('; ');
  console.log(`  errors by status: ${list(platform.errors)}`);
  console.log(`  plan-limit answers (402/429, not errors): ${list(platform.planLimits)}`);
  console.log(
    `  cross-tenant leaks: ${platform.leakCount} in ${platform.scanned.toLocaleString('en')} responses scanned` +
      (platform.leakCount > 0
        ? `\n${platform.leaks.map((leak) => `    ${leak.reader} saw ${leak.owner}'s ${leak.marker}`).join('\n')}`
        : ''),
  );
  console.log(
    `  CPU: API ${cores(platform.cpu.service)}, PostgreSQL ${cores(platform.cpu.postgres)}, ` +
      `load generator ${cores(platform.cpu.loadGenerator)}; ` +
      `${((platform.cpu.service * 1000) / perSecond).toFixed(2)} ms of API CPU per request`,
  );
  console.log(`  each route alone (one connection, ${ROUTE_COST_REQUESTS} requests, before the load):`);
  console.log(`  ${'route'.padEnd(40)} ${'CPU ms'.padStart(7)} ${'wall ms'.padStart(8)}`);
  for (const cost of platform.routeCosts) {
    console.log(
      `  ${cost.route.padEnd(40)} ${cost.cpuMs.toFixed(2).padStart(7)} ${cost.wallMs.toFixed(2).padStart(8)}`,
    );
  }
  console.log('');
  console.log(
    `FLOOR (bare Fastify + pg pool 10, ${args.workers} ${args.workers === 1 ? 'process' : 'processes'}, one primary-key query, JSON logs, ${loadShape(args)}, ${floor.windowSeconds.toFixed(1)} s)`,
  );
  console.log(
    `  ${floor.requests.toLocaleString('en')} requests, ${floorPerSecond.toFixed(1)} req/s; ` +
      `P50 ${floor.latency.p50.toFixed(1)} ms  P95 ${floor.latency.p95.toFixed(1)} ms  P99 ${floor.latency.p99.toFixed(1)} ms; ` +
      `non-2xx ${floor.routes.reduce((sum, route) => sum + route.failures, 0)}`,
  );
  console.log(
    `  CPU: floor ${cores(floor.cpu.service)}, PostgreSQL ${cores(floor.cpu.postgres)}, ` +
      `load generator ${cores(floor.cpu.loadGenerator)}`,
  );
  console.log('');
  console.log(
    `RATIO platform/floor: req/s ${(perSecond / floorPerSecond).toFixed(3)}×, ` +
      `P50 ${(platform.latency.p50 / floor.latency.p50).toFixed(1)}×, P95 ${(platform.latency.p95 / floor.latency.p95).toFixed(1)}×, ` +
      `P99 ${(platform.latency.p99 / floor.latency.p99).toFixed(1)}×; CPU per request ` +
      `${(platform.cpu.service / perSecond / (floor.cpu.service / floorPerSecond) || 0).toFixed(1)}×`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
