import { parseStripeForm } from './form';

describe('parseStripeForm', () => {
  it('nests bracketed keys and turns indexed keys into arrays in index order', () => {
    const form = parseStripeForm(
      'customer=cus_1&metadata[tenant_id]=t-1&metadata[note]=a%20b&line_items[1][price]=p2&line_items[0][price]=p1&line_items[0][quantity]=3&expand[0]=lines',
    );
    expect(form).toEqual({
      customer: 'cus_1',
      metadata: { tenant_id: 't-1', note: 'a b' },
      line_items: [{ price: 'p1', quantity: '3' }, { price: 'p2' }],
      expand: ['lines'],
    });
  });

  it('reads percent-encoded brackets, empty values and appended array items', () => {
    expect(parseStripeForm('metadata%5Bkey%5D=&enabled_events[]=a&enabled_events[]=b&metadata=')).toEqual({
      metadata: '',
      enabled_events: ['a', 'b'],
    });
    expect(parseStripeForm('metadata%5Bkey%5D=')).toEqual({ metadata: { key: '' } });
  });

  it('ignores keys that would reach the object prototype or are malformed', () => {
    const form = parseStripeForm('__proto__[polluted]=1&a[constructor][x]=1&b]=2&ok=1');
    expect(form).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
