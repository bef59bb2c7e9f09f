import fc from 'fast-check';
import { baseRequest } from './support/openapi-fuzz/base-request';
import { encodeRequest } from './support/openapi-fuzz/encode-request';
import type { DefectFamily } from './support/openapi-fuzz/draft-request';
import { createFuzzWorld, type FuzzWorld } from './support/openapi-fuzz/fuzz-world';
import { operationDefects } from './support/openapi-fuzz/operation-defects';
import { describeOperation, operationsOf, type Operation } from './support/openapi-fuzz/openapi-operations';
import { draftOfCase, REPORTED_CASES } from './support/openapi-fuzz/reported-cases';
import { sendMalformed } from './support/openapi-fuzz/send-request';
import {
  changedTables,
  snapshotState,
  snapshotTables,
  type StateSnapshot,
} from './support/openapi-fuzz/state-snapshot';

function integerFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** FC_SEED replays a run; FC_RUNS sets the random combinations per operation. */
const SEED = integerFromEnv('FC_SEED') ?? Math.floor(Math.random() * 2 ** 31);
const RUNS = integerFromEnv('FC_RUNS') ?? 25;
const replayHint = `replay with FC_SEED=${SEED} npm test -- tests/malformed-input.test.ts`;

/**
 * The "no 500 on bad input" rule, checked against the API's own OpenAPI document: for every operation, requests
 * malformed in every way its schema implies must get a 4xx problem+json, and none of them may change anything.
 */
describe('malformed input on every operation of the OpenAPI document', () => {
  let world: FuzzWorld;
  let operations: { operation: Operation; families: DefectFamily[] }[];
  let before: StateSnapshot;
  /** Requests sent per operation, for the summary line. */
  const sent = new Map<string, number>();

  beforeAll(async () => {
    world = await createFuzzWorld();
    await world.h.app.ready();
    operations = operationsOf(world.h.app.swagger()).map((operation) => ({
      operation,
      families: operationDefects(operation, world),
    }));
    before = await snapshotState(world);
  }, 60_000);
  afterAll(async () => {
    const requests = [...sent.values()].reduce((sum, n) => sum + n, 0);
    console.log(`malformed input: ${sent.size} operations, ${requests} requests, seed ${SEED}`);
    await world?.close();
  });

  /** Runs an operation's requests and records a failure when any table changed meanwhile. */
  const watchingTables = async (operation: Operation, failures: string[], work: () => Promise<number>) => {
    const before = await snapshotTables(world);
    const requests = await work();
    sent.set(describeOperation(operation), (sent.get(describeOperation(operation)) ?? 0) + requests);
    const changed = changedTables(before, await snapshotTables(world));
    if (changed.length) failures.push(`${describeOperation(operation)} changed ${changed.join(', ')}`);
  };

  it('derives defects for every parameter and body of every operation', () => {
    expect(operations.length).toBeGreaterThan(30);
    const untargeted = operations.flatMap(({ operation, families }) => {
      const targets = [...operation.parameters.map((p) => `${p.in}.${p.name}:`), ...(operation.body ? ['body'] : [])];
      return targets
        .filter((target) => !families.some((family) => family.label.startsWith(target)))
        .map((target) => `${describeOperation(operation)} ${target}`);
    });
    expect(untargeted).toEqual([]);
  });

  it('answers one request per kind of defect of every field of every operation with a 4xx problem', async () => {
    const failures: string[] = [];
    for (const [o, { operation, families }] of operations.entries()) {
      const base = baseRequest(operation, world);
      await watchingTables(operation, failures, async () => {
        for (const [f, family] of families.entries()) {
          const seed = SEED + o * 1000 + f;
          const [draft, defect] = fc.sample(fc.tuple(base, family.defects), { numRuns: 1, seed })[0]!;
          const failure = await sendMalformed(world, operation, draft, [defect]);
          if (failure) failures.push(failure);
        }
        return families.length;
      });
    }
    expect({ failures, replay: failures.length ? replayHint : '' }).toEqual({ failures: [], replay: '' });
  }, 120_000);

  it(`answers ${RUNS} random combinations of defects per operation the same way`, async () => {
    const failures: string[] = [];
    for (const { operation, families } of operations) {
      const defects = fc.array(fc.oneof(...families.map((family) => family.defects)), { minLength: 1, maxLength: 3 });
      let failure: string | null = null;
      const property = fc.asyncProperty(baseRequest(operation, world), defects, async (draft, chosen) => {
        failure = await sendMalformed(world, operation, draft, chosen);
        return failure === null;
      });
      await watchingTables(operation, failures, async () => {
        const run = await fc.check(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
        if (run.failed) failures.push(`${failure ?? run.errorInstance} (fast-check path ${run.counterexamplePath})`);
        return run.numRuns;
      });
    }
    expect({ failures, replay: failures.length ? replayHint : '' }).toEqual({ failures: [], replay: '' });
  }, 120_000);

  it('answers each 5xx the first sweep found with a 400 that names the field', async () => {
    const results = [];
    for (const example of REPORTED_CASES) {
      const found = operations.find(({ operation: o }) => o.method === example.method && o.path === example.path);
      if (!found) throw new Error(`${example.method} ${example.path} is no longer in the document`);
      const request = encodeRequest(found.operation, draftOfCase(example, found.operation, world), world);
      const response = await world.h.app.inject(request);
      results.push({ name: example.name, status: response.statusCode, field: response.json().errors?.[0]?.path });
    }
    expect(results).toEqual(REPORTED_CASES.map(({ name, field }) => ({ name, status: 400, field })));
  });

  it('changed nothing: every table and the workflows started are as before', async () => {
    expect(await snapshotState(world)).toEqual(before);
  });
});
