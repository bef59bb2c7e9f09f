/**
 * One cause in a lifecycle table (bots, tenants, provisioning jobs): the status it leads to and the statuses it may
 * leave. Each table is `{ [cause]: TransitionRule<Status> }`, so a change is allowed only with a named cause.
 */
export interface TransitionRule<Status extends string> {
  readonly from: readonly Status[];
  readonly to: Status;
}

/** Whether `rule` moves a row from `from` to `to`. */
export const allowsTransition = <Status extends string>(rule: TransitionRule<Status>, from: Status, to: Status) =>
  rule.to === to && rule.from.includes(from);
