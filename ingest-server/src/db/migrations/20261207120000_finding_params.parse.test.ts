// Old messages read back into params: every catalogue message and every sub-code text, written as the old code wrote
// them (the frozen templates), parses into params that render the very same text; what cannot be read keeps its text whole.
import { CATALOGUE, FINDING_CODES, LEGACY_MESSAGE, messageOf, TEXT_CODES, TEXTS, type FindingParams } from '@portfund/shared-rules';
import { paramsFromMessage, parseMessage } from './20261207120000_finding_params.parse';
import { MESSAGES, SUB_CODES, TEXTS as FROZEN_TEXTS } from './20261207120000_finding_params.templates';

// the migration ran against the catalogue of its day: codes added since, and messages or texts reworded since (issue 13),
// were never written the old way, so only what is unchanged since the freeze can round-trip
const frozenCodes = FINDING_CODES.filter((c) => MESSAGES[c] === CATALOGUE[c].message);
const frozenText = (code: string): boolean => {
  const text = TEXTS[code as keyof typeof TEXTS];
  return typeof text === 'string' && (FROZEN_TEXTS[code] ?? []).includes(text);
};

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

describe('reading old finding messages back into params', () => {
  it.each(frozenCodes.filter((c) => SUB_CODES[c] === undefined))('%s', (code) => roundTrips(code, sample(MESSAGES[code] ?? '')));

  it('keeps a message written in an older wording as the text it was, once the catalogue rewords it', () => {
    // issue 13 dropped the doubled 「成立日期」的日期: the old text no longer renders from its params, so it stays whole
    const old = '「成立日期」的日期「840301」無效：須為民國年月日 7 碼，例如 0840301';
    expect(paramsFromMessage('date.roc_invalid', old)).toEqual({ [LEGACY_MESSAGE]: old });
  });

  const withSubCodes = Object.entries(SUB_CODES)
    .filter(([code]) => frozenCodes.includes(code as (typeof frozenCodes)[number]))
    .flatMap(([code, params]) =>
      Object.entries(params).flatMap(([param, prefixes]) =>
        TEXT_CODES.filter((t) => prefixes.some((p) => t.startsWith(p)) && frozenText(t)).map((t) => [code, param, t] as const),
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
    const message = messageOf('cell.type', { label: '會員人數', actual: long, expectedType: 'type.positive_integer' });
    expect(message).toContain(`${'A'.repeat(200)}…`);
    const params = paramsFromMessage('cell.type', message);
    expect(params).toMatchObject({ expectedType: 'type.positive_integer', label: '會員人數' });
    expect(messageOf('cell.type', params)).toBe(message);
  });
});
