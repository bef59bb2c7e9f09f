import type { TwilioState } from './state';

interface Country {
  dial: string;
  area: string;
  locality: string;
  region: string;
}

// A handful of countries is enough to exercise the code; unknown countries answer 404 as Twilio does.
const COUNTRIES: Record<string, Country> = {
  US: { dial: '1', area: '415', locality: 'San Francisco', region: 'CA' },
  CA: { dial: '1', area: '604', locality: 'Vancouver', region: 'BC' },
  GB: { dial: '44', area: '20', locality: 'London', region: 'England' },
  AT: { dial: '43', area: '1', locality: 'Wien', region: 'Wien' },
  DE: { dial: '49', area: '30', locality: 'Berlin', region: 'Berlin' },
  CH: { dial: '41', area: '44', locality: 'Zürich', region: 'ZH' },
  FR: { dial: '33', area: '1', locality: 'Paris', region: 'IDF' },
  NL: { dial: '31', area: '20', locality: 'Amsterdam', region: 'NH' },
  ES: { dial: '34', area: '91', locality: 'Madrid', region: 'MD' },
  IT: { dial: '39', area: '02', locality: 'Milano', region: 'MI' },
  AU: { dial: '61', area: '2', locality: 'Sydney', region: 'NSW' },
};
const NUMBERS_PER_AREA = 10_000;

export interface AvailableNumber {
  phoneNumber: string;
  friendlyName: string;
  isoCountry: string;
  locality: string;
  region: string;
}

export const isSupportedCountry = (iso: string) => iso in COUNTRIES;

/**
 * Hands out `count` numbers of a country that nobody owns and no earlier search offered: the sequence is the
 * same after every reset (`+43 1 555 0000`, `+43 1 555 0001`, ...), and parallel provisioning runs never race
 * for the same number.
 */
export function takeAvailableNumbers(
  state: TwilioState,
  iso: string,
  count: number,
  areaCode?: string,
): AvailableNumber[] {
  const country = COUNTRIES[iso];
  if (!country) return [];
  const area = areaCode ?? country.area;
  const cursorKey = `${iso}:${area}`;
  const owned = new Set([...state.numbers.values()].map((n) => n.phoneNumber));
  const found: AvailableNumber[] = [];
  let index = state.searchCursor.get(cursorKey) ?? 0;
  for (; found.length < count && index < NUMBERS_PER_AREA; index += 1) {
    const phoneNumber = `+${country.dial}${area}${state.exchange}${String(index).padStart(4, '0')}`;
    if (owned.has(phoneNumber)) continue;
    found.push({
      phoneNumber,
      friendlyName: formatNumber(phoneNumber),
      isoCountry: iso,
      locality: country.locality,
      region: country.region,
    });
  }
  state.searchCursor.set(cursorKey, index);
  return found;
}

/** How Twilio shows a number: `(415) 555-0100` in North America, E.164 elsewhere. */
export function formatNumber(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}
