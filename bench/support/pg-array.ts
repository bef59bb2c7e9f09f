/** A PostgreSQL array literal (`{"a","b"}`) for one query parameter, every element quoted. */
export const pgArray = (values: readonly (string | number | boolean)[]): string =>
  `{${values.map((value) => `"${String(value).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
