/**
 * The invoicing floor's workflow bundle: the platform's own `monthlyInvoicing` and `invoiceTenant`, unchanged, so
 * the floor runs the same workflow code (paging, continue-as-new, children with bounded concurrency, the step
 * runner and saga of each tenant) with activities that do nothing.
 */
export { invoiceTenant } from '../../workflows/invoice-tenant';
export { monthlyInvoicing } from '../../workflows/monthly-invoicing';
