-- The plan a customer chose at sign-up: onboarding starts the free default plan and, for a paid choice, sends the
-- verified customer to Checkout for it. Null for tenants created by platform staff or before plans were chosen.
alter table tenants add column if not exists signup_plan text references plans (code);
