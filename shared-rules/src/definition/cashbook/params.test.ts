import { buildDefinition } from '../build';
import { listValues } from '../lists';
import { TEMPLATE_VERSIONS } from '../versions';
import { editionFor, PARAM_TABLES, paramKey, paramTable, paramsFor } from './params';

describe('the parameter table, versioned with the template', () => {
  it('gives every released version a table; 1.0 to 1.2 share the seed’s edition', () => {
    for (const v of TEMPLATE_VERSIONS) expect(paramsFor(v.version).rows.length).toBeGreaterThan(40);
    expect(paramsFor('1.1')).toBe(paramsFor('1.0'));
    expect(paramsFor('1.2')).toBe(paramsFor('1.0'));
    expect(paramsFor('1.0').byKey.get(paramKey('支', '1-4'))?.summary).toBe('1-4、場地費');
    expect(paramsFor('1.0').codes.has('支|1、教育訓練|1-4')).toBe(true);
  });

  it('keeps an older version on its own edition when a later version brings a new one', () => {
    const first = PARAM_TABLES[0];
    if (first === undefined) throw new Error('no edition');
    const renamed = paramTable('1.2', first.rows.map((p) => (p.no === '1-4' ? { ...p, summary: '1-4、場地租借費' } : p)));
    const editions = [first, renamed];
    expect(editionFor(editions, '1.0')).toBe(first);
    expect(editionFor(editions, '1.1')).toBe(first);
    expect(editionFor(editions, '1.2')).toBe(renamed);
    expect(editionFor(editions, '1.2').byKey.get(paramKey('支', '1-4'))?.summary).toBe('1-4、場地租借費');
  });

  it('refuses an unknown version', () => {
    expect(() => paramsFor('9.9')).toThrow('unknown template version 9.9');
  });

  it.each(TEMPLATE_VERSIONS.map((v) => v.version))('builds the %s cash book’s dropdowns and 摘要(一) lookup from that version’s table', (version) => {
    const def = buildDefinition('cashbook', version);
    const table = paramsFor(version);
    expect(def.tables[0]?.rows).toEqual(table.rows.map((p) => [paramKey(p.zi, p.no), p.summary]));
    expect(def.lists.find((l) => l.key === 'cb_no')?.values).toEqual(listValues('cb_no', version));
    expect(listValues('cb_no', version)).toEqual([...new Set(table.rows.map((p) => p.no))]);
    expect(listValues('cb_item', version)).toEqual([...new Set(table.rows.map((p) => p.item))]);
  });
});
