import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PricingCatalog } from '../contracts/pricing';

/** The repository's price list (issue 10: every plan's fee, included usage, graduated prices, features, limits). */
export const PRICING_FILE = path.join(__dirname, 'pricing.json');

/** Reads and validates a price list; throws naming every problem (file, JSON, each schema issue with its path). */
export function loadPricingCatalog(file = PRICING_FILE): PricingCatalog {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = PricingCatalog.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${file} is not a valid price list: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** For start-up: an empty list when the price list is valid, else the one line that says what is wrong. */
export function pricingProblems(file = PRICING_FILE): string[] {
  try {
    loadPricingCatalog(file);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
