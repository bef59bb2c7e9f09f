import { createLeakScanner } from './leak-scanner';

const A_ID = '0b7c5a4e-1111-4aaa-8aaa-000000000001';
const A_BOT = '0b7c5a4e-1111-4aaa-8aaa-000000000002';
const B_ID = '0b7c5a4e-2222-4bbb-8bbb-000000000001';
const SHARED_PLAN = '0b7c5a4e-3333-4ccc-8ccc-000000000001';

const scanner = () =>
  createLeakScanner([
    { key: 'a', ids: [A_ID, A_BOT], texts: ['Alpenklang x1 GmbH', 'alpenklang-x1', 'alpenklang-x1.bench.test'] },
    { key: 'b', ids: [B_ID], texts: ['Donauwelle x1 GmbH', 'donauwelle-x1', 'donauwelle-x1.bench.test'] },
  ]);

describe('cross-tenant leak scanner', () => {
  it('passes a tenant its own ids and texts, and ids no tenant owns', () => {
    const body = JSON.stringify({ id: A_BOT, tenantId: A_ID, name: 'Alpenklang x1 GmbH', planId: SHARED_PLAN });
    expect(scanner().scan('a', body)).toEqual([]);
    expect(scanner().scan('a', '')).toEqual([]);
  });

  it("finds another tenant's id in any case, and its name, slug or email domain case-insensitively", () => {
    const leaks = scanner().scan(
      'b',
      JSON.stringify({ items: [{ botId: A_BOT.toUpperCase() }], author: 'user007@ALPENKLANG-x1.bench.test' }),
    );
    expect(leaks).toEqual(
      expect.arrayContaining([
        { reader: 'b', owner: 'a', marker: A_BOT.toUpperCase() },
        { reader: 'b', owner: 'a', marker: 'alpenklang-x1' },
        { reader: 'b', owner: 'a', marker: 'alpenklang-x1.bench.test' },
      ]),
    );
    expect(scanner().scan('a', 'ticket of Donauwelle X1 GmbH')).toEqual([
      { reader: 'a', owner: 'b', marker: 'donauwelle x1 gmbh' },
    ]);
  });

  it('knows ids created during the run once they are added', () => {
    const leakScanner = scanner();
    const created = '0b7c5a4e-4444-4ddd-8ddd-000000000001';
    expect(leakScanner.scan('b', `{"id":"${created}"}`)).toEqual([]);
    leakScanner.addId('a', created);
    expect(leakScanner.scan('b', `{"id":"${created}"}`)).toEqual([{ reader: 'b', owner: 'a', marker: created }]);
    expect(leakScanner.scan('a', `{"id":"${created}"}`)).toEqual([]);
  });
});
