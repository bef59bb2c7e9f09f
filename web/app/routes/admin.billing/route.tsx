import { NavLink, Outlet } from 'react-router';

import { PageHeader } from '~/components/ui/page-header';

export { ErrorBoundary } from '~/components/route-error';

const TABS = [
  { to: '/admin/billing', label: 'Invoice runs', end: true },
  { to: '/admin/billing/invoices', label: 'Invoices' },
  { to: '/admin/billing/past-due', label: 'Past due' },
  { to: '/admin/billing/plan-changes', label: 'Plan changes' },
];

/** The Billing page's frame: a tab per view. It loads nothing; each tab's loader checks the role itself. */
export default function AdminBilling() {
  return (
    <>
      <PageHeader
        title="Billing"
        description="Monthly invoice runs on Stripe, every tenant’s invoices, overdue payments and plan changes."
      />
      <nav aria-label="Billing views" className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-x-6">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  `inline-block border-b-2 px-1 pb-2.5 text-sm font-medium ${
                    isActive
                      ? 'border-indigo-600 text-indigo-700'
                      : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
                  }`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
