import type { TwilioCall, TwilioNumber } from './state';

const API = '/2010-04-01';

/** Twilio's date format: RFC 2822 with a numeric zone. */
export const twilioDate = (date: Date | null) => (date ? date.toUTCString().replace('GMT', '+0000') : null);

export function numberPath(accountSid: string, sid?: string): string {
  return `${API}/Accounts/${accountSid}/IncomingPhoneNumbers${sid ? `/${sid}` : ''}.json`;
}

export function renderNumber(number: TwilioNumber) {
  return {
    sid: number.sid,
    account_sid: number.accountSid,
    phone_number: number.phoneNumber,
    friendly_name: number.friendlyName,
    api_version: '2010-04-01',
    address_requirements: 'none',
    address_sid: null,
    beta: false,
    bundle_sid: null,
    capabilities: { voice: true, sms: true, mms: false, fax: false },
    date_created: twilioDate(number.dateCreated),
    date_updated: twilioDate(number.dateUpdated),
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    emergency_status: 'Inactive',
    identity_sid: null,
    origin: 'twilio',
    sms_application_sid: null,
    sms_fallback_method: 'POST',
    sms_fallback_url: null,
    sms_method: 'POST',
    sms_url: null,
    status: 'in-use',
    status_callback: number.statusCallback,
    status_callback_method: number.statusCallbackMethod,
    trunk_sid: null,
    type: 'local',
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: null,
    voice_method: number.voiceMethod,
    voice_receive_mode: 'voice',
    voice_url: number.voiceUrl,
    subresource_uris: {
      assigned_add_ons: numberPath(number.accountSid, number.sid).replace('.json', '/AssignedAddOns.json'),
    },
    uri: numberPath(number.accountSid, number.sid),
  };
}

export function renderCall(call: TwilioCall) {
  const uri = `${API}/Accounts/${call.accountSid}/Calls/${call.sid}.json`;
  return {
    sid: call.sid,
    account_sid: call.accountSid,
    api_version: '2010-04-01',
    annotation: null,
    answered_by: null,
    caller_name: null,
    date_created: twilioDate(call.dateCreated),
    date_updated: twilioDate(call.dateUpdated),
    direction: call.direction,
    duration: call.durationSeconds === null ? null : String(call.durationSeconds),
    end_time: twilioDate(call.endTime),
    forwarded_from: null,
    from: call.from,
    from_formatted: call.from,
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: call.phoneNumberSid,
    price: null,
    price_unit: 'USD',
    queue_time: '0',
    start_time: twilioDate(call.startTime),
    status: call.status,
    to: call.to,
    to_formatted: call.to,
    trunk_sid: null,
    subresource_uris: { recordings: uri.replace('.json', '/Recordings.json') },
    uri,
  };
}

/**
 * Twilio's page envelope. URIs are Twilio's own (no `/twilio` prefix): the SDK resolves `next_page_uri`
 * against api.twilio.com, and the simulator's HTTP client rewrites that like any other request.
 */
export function pageOf<T>(input: {
  key: string;
  path: string;
  items: T[];
  query: Record<string, string>;
  page: number;
  size: number;
}) {
  const { key, path, items, query, page, size } = input;
  const uriFor = (p: number) => `${path}?${new URLSearchParams({ ...query, PageSize: String(size), Page: String(p) })}`;
  const start = page * size;
  const slice = items.slice(start, start + size);
  const hasNext = start + size < items.length;
  return {
    [key]: slice,
    start,
    end: start + Math.max(slice.length - 1, 0),
    page,
    page_size: size,
    first_page_uri: uriFor(0),
    previous_page_uri: page > 0 ? uriFor(page - 1) : null,
    next_page_uri: hasNext ? `${uriFor(page + 1)}&PageToken=PA${start + size}` : null,
    uri: uriFor(page),
  };
}
