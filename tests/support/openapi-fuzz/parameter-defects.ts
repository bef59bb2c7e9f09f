import fc from 'fast-check';
import { badTextValues } from './bad-values';
import type { Defect, DefectFamily, Mutation } from './draft-request';
import type { Operation, Parameter } from './openapi-operations';
import { validValue, type KnownValues } from './valid-values';

const one = (label: string, mutation: Mutation): DefectFamily => ({
  label,
  defects: fc.constant<Defect>({ label, mutation }),
});

const NO_ROW = '00000000-0000-4000-8000-000000000000';

/** A header cannot carry NUL, surrogates or other control characters at all: HTTP refuses them before the app. */
const SENDABLE_IN_HEADER = /^[\x20-\x7e\u00a0-\u00ff]*$/;

function parameterFamilies(parameter: Parameter, known: KnownValues): DefectFamily[] {
  const where = `${parameter.in}.${parameter.name}`;
  const valid = validValue(parameter.schema, parameter.name, known);
  const inHeader = parameter.in === 'header';
  const families = badTextValues(parameter.schema, valid, parameter.in).map(({ label, values }): DefectFamily => {
    const name = `${where}: ${label}`;
    const mutation = (text: string): Mutation =>
      parameter.in === 'path'
        ? { kind: 'set-path', name: parameter.name, value: text }
        : parameter.in === 'query'
          ? { kind: 'set-query', name: parameter.name, values: [text] }
          : { kind: 'set-header', name: parameter.name, value: text };
    const texts = values.map((bad) => ('value' in bad ? String(bad.value) : bad.raw));
    const sendable = inHeader ? texts.filter((text) => SENDABLE_IN_HEADER.test(text)) : texts;
    return { label: name, defects: sendable.map((text) => ({ label: name, mutation: mutation(text) })) };
  });

  if (parameter.in === 'path') {
    const longer = 'a'.repeat(101);
    families.push(
      one(`${where}: longer than a path parameter may be`, { kind: 'set-path', name: parameter.name, value: longer }),
    );
    // Well-formed but nobody's: a 404, never a write to some default row.
    families.push(one(`${where}: id of no row`, { kind: 'set-path', name: parameter.name, value: NO_ROW }));
  }
  if (parameter.in === 'query') {
    const name = `${where}: sent twice`;
    families.push({
      label: name,
      defects: fc.tuple(valid, valid).map(([a, b]) => ({
        label: name,
        mutation: { kind: 'set-query', name: parameter.name, values: [String(a), String(b)] },
      })),
    });
    for (const raw of ['%E0%A4%A', '%', '%zz%00']) {
      families.push(
        one(`${where}: invalid percent-encoding ${raw}`, {
          kind: 'set-query',
          name: parameter.name,
          values: [raw],
          raw: true,
        }),
      );
    }
  }
  if (parameter.in === 'header' && parameter.required) {
    families.push(one(`${where}: missing`, { kind: 'set-header', name: parameter.name, value: null }));
  }
  return families;
}

/**
 * Defects of the path, query and header parameters: every bad value per parameter, plus query parameters no
 * route declares carrying NUL (in the value and in the name), which the edge must refuse on every route.
 */
export function parameterDefects(operation: Operation, known: KnownValues): DefectFamily[] {
  return [
    ...operation.parameters.flatMap((parameter) => parameterFamilies(parameter, known)),
    one('query: undeclared parameter with NUL', { kind: 'set-query', name: 'fuzz', values: ['a\u0000b'] }),
    one('query: NUL in a parameter name', { kind: 'set-query', name: 'fu\u0000zz', values: ['1'] }),
  ];
}
