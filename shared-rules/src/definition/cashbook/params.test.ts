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

  it('gives 1.3 the seed’s ticks: no 分配款 where only 利息收入 and 其他收入 are ticked, 其他收入 beside 結餘款 where ticked', () => {
    const categories = (version: string, no: string): readonly string[] | undefined => paramsFor(version).byKey.get(paramKey('支', no))?.categories;
    expect(paramsFor('1.3')).not.toBe(paramsFor('1.2'));
    for (const no of ['2-1', '3-1', '4-2', '4-3']) expect(categories('1.3', no)).toEqual(['利息收入', '其他收入', '結餘款']);
    for (const no of ['2-2', '3-2-1', '3-2-2', '4-1']) expect(categories('1.3', no)).toEqual(['分配款', '利息收入', '其他收入', '結餘款']);
    for (const no of ['1-1', '5-4', '6-2']) expect(categories('1.3', no)).toEqual(['分配款', '利息收入']);
    expect(categories('1.2', '4-2')).toEqual(['分配款', '利息收入', '結餘款']);
    // only the 動支類別 changed: codes, 摘要(一) and accounts are 1.0's
    expect(paramsFor('1.3').rows.map((p) => [p.zi, p.item, p.no, p.summary, p.accounts])).toEqual(paramsFor('1.0').rows.map((p) => [p.zi, p.item, p.no, p.summary, p.accounts]));
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
