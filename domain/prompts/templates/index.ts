import type { BotRole } from '../../../contracts/bot-role';
import { receptionistTemplates } from './receptionist';
import type { RoleTemplates } from './role-templates';
import { salesTemplates } from './sales';

export type { PromptLanguage, PromptTemplate, RoleTemplates } from './role-templates';

/** Every bot role's templates, German and English. */
export const TEMPLATES_BY_ROLE: Record<BotRole, RoleTemplates> = {
  receptionist: receptionistTemplates,
  sales: salesTemplates,
};
