import { knownValues } from './base-request';
import { bodyFieldDefects } from './body-field-defects';
import type { DefectFamily } from './draft-request';
import type { FuzzWorld } from './fuzz-world';
import { describeOperation, type Operation } from './openapi-operations';
import { parameterDefects } from './parameter-defects';
import { transportDefects } from './transport-defects';
import { transportOf } from './transports';

/** Every family of defects the operation's schema implies; an operation with none is an error, not a pass. */
export function operationDefects(operation: Operation, world: FuzzWorld): DefectFamily[] {
  const known = knownValues(world);
  const json = transportOf(operation) !== 'twilio-form';
  const families = [
    ...(operation.body ? bodyFieldDefects(operation.body.schema, known, json) : []),
    ...parameterDefects(operation, known),
    ...transportDefects(operation),
  ];
  if (families.length === 0) throw new Error(`${describeOperation(operation)}: no defect could be derived`);
  return families;
}
