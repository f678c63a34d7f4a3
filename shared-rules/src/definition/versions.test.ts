import { buildDefinition } from './build';
import { fingerprint } from './fingerprint';
import { CURRENT_VERSION, findVersion, TEMPLATE_VERSIONS } from './versions';

describe('released template versions', () => {
  it('keeps every released version readable, the current one last', () => {
    expect(TEMPLATE_VERSIONS.map((v) => v.version)).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(TEMPLATE_VERSIONS[TEMPLATE_VERSIONS.length - 1]?.version).toBe(CURRENT_VERSION);
    expect(findVersion('1.3')?.marked).toBe('all');
    expect(findVersion('1.2')?.marked).toBe('all');
    expect(findVersion('1.1')?.marked).toBe('inputs');
  });

  // a workbook filed in an older template must keep matching its fingerprint: changes go into a new version only
  it.each([
    ['application', '1.0', '5be6bcc5432b8a3d12a343819f5ade446b64da104a2234744d046a9958cc7ee9'],
    ['application', '1.1', '2a90746a19a38e6c651e1a1d1b73083b6b870ca63e7f4a81774874878efc0d90'],
    ['cashbook', '1.0', '3c590797577a411e88e0d6743ca790e8a614e37a964c07c978f55059665c015e'],
    ['cashbook', '1.1', 'db2a93fbe23aa175f82a844a091ed060ba0bcd8dfbfa769ec269d712fee1e28a'],
    ['application', '1.2', '0d465d2c0c69f44d77c2cadc970cd61e68c01f1873b83f955657179bc8dad739'],
    ['cashbook', '1.2', '719d68c937c50c89a128a3ce7f74c46ae8fda4bcf527814c50045bd285fa2679'],
  ] as const)('leaves the released %s %s structure unchanged', (kind, version, hash) => {
    expect(fingerprint(buildDefinition(kind, version))).toBe(hash);
  });

  it('gives 1.2’s 參數表 a title formula from cb_year; 1.0 and 1.1 keep their label', () => {
    const title = (version: string) => buildDefinition('cashbook', version).sheets.find((s) => s.name === '參數表')?.cells.get('A1')?.kind;
    expect([title('1.0'), title('1.1'), title('1.2')]).toEqual(['label', 'label', 'formula']);
  });
});
