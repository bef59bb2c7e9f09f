import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '../../contracts/roles';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: idColumn(),
    tenantId: p.uuid().nullable(),
    email: p.text(),
    name: p.text(),
    passwordHash: p.text().nullable().hidden(),
    role: p.enum(ROLES),
    isActive: p.boolean().default(true),
    lastLoginAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type User = InferEntity<typeof User>;
