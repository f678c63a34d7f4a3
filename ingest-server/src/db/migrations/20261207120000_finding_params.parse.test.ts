// Old messages read back into params: every catalogue message and every sub-code text, written as the old code wrote
// them (the frozen templates), parses into params that render the very same text; what cannot be read keeps its text whole.
import { FINDING_CODES, LEGACY_MESSAGE, messageOf, TEXT_CODES, TEXTS, type FindingParams } from '@portfund/shared-rules';
import { paramsFromMessage, parseMessage } from './20261207120000_finding_params.parse';
import { MESSAGES, SUB_CODES } from './20261207120000_finding_params.templates';

const namesOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

/** Sample params for a template: each name a distinct value (a CJK one too, as cell labels are). */
const sample = (template: string, extra: FindingParams = {}): FindingParams =>
  Object.fromEntries([...namesOf(template).map((n, i) => [n, i % 2 === 0 ? `值${i}` : `v${i}`]), ...Object.entries(extra)]);

const roundTrips = (code: string, params: FindingParams): void => {
  const message = messageOf(code, params);
  const parsed = parseMessage(code, message);
  expect(parsed).not.toBeNull();
  expect(messageOf(code, parsed ?? {})).toBe(message);
  expect(paramsFromMessage(code, message)).not.toHaveProperty(LEGACY_MESSAGE);
};

/** Codes added after this migration: no row of theirs was ever stored as message text. */
const ADDED_LATER: readonly string[] = ['import.findings_omitted'];

describe('reading old finding messages back into params', () => {
  it('has a frozen template for every code but those added later', () => {
    expect(FINDING_CODES.filter((c) => MESSAGES[c] === undefined)).toEqual(ADDED_LATER);
  });

  it.each(FINDING_CODES.filter((c) => SUB_CODES[c] === undefined && !ADDED_LATER.includes(c)))('%s', (code) => roundTrips(code, sample(MESSAGES[code] ?? '')));

  const withSubCodes = Object.entries(SUB_CODES).flatMap(([code, params]) =>
    Object.entries(params).flatMap(([param, prefixes]) =>
      TEXT_CODES.filter((t) => prefixes.some((p) => t.startsWith(p)) && typeof TEXTS[t] === 'string').map((t) => [code, param, t] as const),
    ),
  );
  it.each(withSubCodes)('%s with %s %s', (code, param, text) => {
    const template = TEXTS[text] as string;
    roundTrips(code, { ...sample(MESSAGES[code] ?? ''), ...sample(template), [param]: text });
  });

  it('reads lists cut short and listed sheets (texts written by functions)', () => {
    roundTrips('import.header', { reason: 'header.missing', columns: '身分證字號、志工姓名', more: 12 });
    roundTrips('import.header', { reason: 'header.unknown', columns: '大頭照' });
    roundTrips('file.unreadable', { reason: 'table.sheet_missing', sheetName: '不存在', sheets: '說明、服務時數' });
  });

  it('reads an officer.leader_count without detail', () => roundTrips('officer.leader_count', { ubn: '04595257', term: '2024-01-01~2027-12-31', actual: 2 }));

  it('keeps what it cannot read as the text it was', () => {
    const edited = '這段文字不是任何範本寫的';
    expect(paramsFromMessage('template.structure', edited)).toEqual({ [LEGACY_MESSAGE]: edited });
    expect(paramsFromMessage('no.such_code', edited)).toEqual({ [LEGACY_MESSAGE]: edited });
    expect(messageOf('no.such_code', { [LEGACY_MESSAGE]: edited })).toBe(edited);
    // a reason no frozen text reads (a validation described by a function) stays text too
    const changed = messageOf('template.structure', { reason: 'structure.list_changed', title: '性別', range: 'C5:C9', wantType: 'list', wantBound1: 'lst_gender', foundType: 'any' });
    expect(paramsFromMessage('template.structure', changed)).toEqual({ [LEGACY_MESSAGE]: changed });
  });

  it('reads the reason of a hostile value as the value, quoted again the same way', () => {
    const long = 'A'.repeat(300);
    const message = messageOf('date.roc_invalid', { label: '成立日期', actual: long, reason: 'date.format' });
    expect(message).toContain(`${'A'.repeat(200)}…`);
    const params = paramsFromMessage('date.roc_invalid', message);
    expect(params).toMatchObject({ reason: 'date.format', label: '成立日期' });
    expect(messageOf('date.roc_invalid', params)).toBe(message);
  });
});
