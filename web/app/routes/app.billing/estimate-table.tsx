import type { SubscriptionView } from '@contracts/billing';
import { Table, TBody, Td, Th } from '~/components/ui/table';
import { formatMoney, formatNumber } from '~/lib/format';

/** What this month's invoice comes to so far: the fee and the usage beyond what the plan includes. */
export function EstimateTable({ estimate }: { estimate: SubscriptionView['estimate'] }) {
  return (
    <Table label="Estimated invoice so far">
      <thead>
        <tr>
          <Th>Item</Th>
          <Th className="text-right">Quantity</Th>
          <Th className="text-right">Amount</Th>
        </tr>
      </thead>
      <TBody>
        {estimate.lines.map((line) => (
          <tr key={`${line.kind}-${line.tier ?? 'fee'}`}>
            <Td>{line.description}</Td>
            <Td className="text-right tabular-nums">{formatNumber(line.quantity)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatMoney(line.amountCents, estimate.currency)}
            </Td>
          </tr>
        ))}
        <tr data-testid="estimate-total">
          <Td className="font-semibold text-slate-900">Total so far</Td>
          <Td />
          <Td className="whitespace-nowrap text-right font-semibold tabular-nums text-slate-900">
            {formatMoney(estimate.totalCents, estimate.currency)}
          </Td>
        </tr>
      </TBody>
    </Table>
  );
}
