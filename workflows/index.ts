// The workflow bundle's entry: every workflow the worker runs is exported here.
export { callLifecycle } from './call-lifecycle';
export { deliverEmail } from './deliver-email';
export { deprovisionBot } from './deprovision-bot';
export { dunning } from './dunning';
export { provisionBot } from './provision-bot';
export { rotateNumber } from './rotate-number';
export { tenantOnboarding } from './tenant-onboarding';
export { invoiceTenant } from './invoice-tenant';
export { monthlyInvoicing } from './monthly-invoicing';
export { changeStripePlan } from './change-stripe-plan';
export { conversation } from './conversation';
export { syncConversations } from './sync-conversations';
export { offboardTenant } from './offboard-tenant';
export { applyPromptConfig } from './apply-prompt-config';
export { exportTenant, tenantExportExpiry } from './export-tenant';
