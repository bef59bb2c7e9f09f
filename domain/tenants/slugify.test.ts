import { slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Wiener Zahnklinik', 'wiener-zahnklinik'],
    ['Café Größenwahn & Söhne', 'cafe-grossenwahn-sohne'],
    ['  --Acme!!  ', 'acme'],
    ['X', 'tenant-x'],
    ['ü', 'tenant-u'],
    ['!!!', 'tenant-x'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps slugs within the database constraint', () => {
    const slug = slugify('a'.repeat(200));
    expect(slug).toMatch(/^[a-z0-9][a-z0-9-]{1,62}$/);
  });
});
