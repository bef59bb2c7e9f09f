import { childrenFirst } from './tenant-tables';

describe('childrenFirst', () => {
  it('puts every table before the tables it references, whatever the catalog order', () => {
    const order = childrenFirst(
      ['agents', 'bots', 'call_logs', 'integrations', 'provisioning_jobs', 'users'],
      [
        { child: 'agents', parent: 'integrations' },
        { child: 'call_logs', parent: 'agents' },
        { child: 'call_logs', parent: 'bots' },
        { child: 'provisioning_jobs', parent: 'bots' },
        { child: 'bots', parent: 'plans' },
      ],
    );
    const before = (child: string, parent: string) => order.indexOf(child) < order.indexOf(parent);
    expect(order).toHaveLength(6);
    expect([
      before('agents', 'integrations'),
      before('call_logs', 'agents'),
      before('call_logs', 'bots'),
      before('provisioning_jobs', 'bots'),
    ]).toEqual([true, true, true, true]);
  });

  it('keeps every table of a cycle instead of looping', () => {
    expect(
      childrenFirst(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ).sort(),
    ).toEqual(['a', 'b']);
  });
});
