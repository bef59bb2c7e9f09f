import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000000 } from './Migration20261121000000';
import { Migration20261122000000 } from './Migration20261122000000';
import { Migration20261123000000 } from './Migration20261123000000';
import { Migration20261124000000 } from './Migration20261124000000';
import { Migration20261124000100 } from './Migration20261124000100';
import { Migration20261125000000 } from './Migration20261125000000';
import { Migration20261126000000 } from './Migration20261126000000';
import { Migration20261127000000 } from './Migration20261127000000';
import { Migration20261128000000 } from './Migration20261128000000';
import { Migration20261130000000 } from './Migration20261130000000';
import { Migration20261201000000 } from './Migration20261201000000';
import { Migration20261202000000 } from './Migration20261202000000';
import { Migration20261203000000 } from './Migration20261203000000';
import { Migration20261204000000 } from './Migration20261204000000';
import { Migration20261205000000 } from './Migration20261205000000';
import { Migration20261206000000 } from './Migration20261206000000';
import { Migration20261207000000 } from './Migration20261207000000';
import { Migration20261209000000 } from './Migration20261209000000';
import { Migration20261210000000 } from './Migration20261210000000';
import { Migration20261211000000 } from './Migration20261211000000';
import { Migration20261212000000 } from './Migration20261212000000';

/** Every migration in order; listed explicitly so the same list works under tsx, Jest and a bundle. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121000000', class: Migration20261121000000 },
  { name: 'Migration20261122000000', class: Migration20261122000000 },
  { name: 'Migration20261123000000', class: Migration20261123000000 },
  { name: 'Migration20261124000000', class: Migration20261124000000 },
  { name: 'Migration20261124000100', class: Migration20261124000100 },
  { name: 'Migration20261125000000', class: Migration20261125000000 },
  { name: 'Migration20261126000000', class: Migration20261126000000 },
  { name: 'Migration20261127000000', class: Migration20261127000000 },
  { name: 'Migration20261128000000', class: Migration20261128000000 },
  { name: 'Migration20261130000000', class: Migration20261130000000 },
  { name: 'Migration20261201000000', class: Migration20261201000000 },
  { name: 'Migration20261202000000', class: Migration20261202000000 },
  { name: 'Migration20261203000000', class: Migration20261203000000 },
  { name: 'Migration20261204000000', class: Migration20261204000000 },
  { name: 'Migration20261205000000', class: Migration20261205000000 },
  { name: 'Migration20261206000000', class: Migration20261206000000 },
  { name: 'Migration20261207000000', class: Migration20261207000000 },
  { name: 'Migration20261209000000', class: Migration20261209000000 },
  { name: 'Migration20261210000000', class: Migration20261210000000 },
  { name: 'Migration20261211000000', class: Migration20261211000000 },
  { name: 'Migration20261212000000', class: Migration20261212000000 },
];
