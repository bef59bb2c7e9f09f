/** A billing period: a UTC calendar month written `YYYY-MM`, from the first the platform bills. */
export const BILLING_PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const EARLIEST_BILLING_PERIOD = '2020-01';
