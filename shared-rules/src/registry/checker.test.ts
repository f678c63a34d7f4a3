import { type CellValue } from '../snapshot/types';
import { createImportChecker, type RowOutcome } from './checker';
import { IMPORT_COLUMNS, type ImportKind } from './columns';
import { type ImportContext } from './rows/context';
import { testId, testUbn } from './testing/ids';
import { UnitDirectory } from './units';

const TODAY = '2025-07-01';
const OFFLINE: ImportContext = { today: TODAY };

type Table = readonly (readonly CellValue[])[];

/** Runs a header row and data rows through the checker; returns every outcome and the file-level result. */
const run = <K extends ImportKind>(kind: K, header: readonly CellValue[], rows: Table, ctx: ImportContext = OFFLINE) => {
  const checker = createImportChecker(kind, ctx);
  const match = checker.header(header);
  if (!match.ok) return { match, outcomes: [] as RowOutcome<K>[], finish: { findings: [], rejectedRows: new Set<number>() }, checker };
  const outcomes = rows.map((cells, i) => checker.row(i + 1, cells));
  return { match, outcomes, finish: checker.finish(), checker };
};

const codesAt = (outcomes: readonly RowOutcome[]): [number, string, string | undefined][] =>
  outcomes.flatMap((o) => o.findings.map((f) => [o.row, f.code, f.field] as [number, string, string | undefined]));

const headersOf = (kind: ImportKind): string[] => IMPORT_COLUMNS[kind].map((c) => c.header);

/** A row by header name for the kind's columns, in the kind's column order. */
const rowOf = (kind: ImportKind, values: Readonly<Record<string, CellValue>>): CellValue[] => headersOf(kind).map((h) => values[h] ?? null);

describe('import headers', () => {
  it('accepts Chinese headers in any order, with a trailing * and full-width or spaced spelling', () => {
    const { match } = run('service_hours', ['服務時數 *', '身分證字號*', ' 志工姓名 ', '時數歸屬單位', '時數類型', '服務日期起', '服務日期迄', '服務項目', '服務內容＊'], []);
    expect(match.ok).toBe(true);
    expect(match.columns).toEqual(['hours', 'idNo', 'volunteerName', 'unit', 'hourType', 'startOn', 'endOn', 'serviceItem', 'serviceContent']);
  });

  it('accepts English aliases', () => {
    const { match } = run('units', ['Agency', 'operator', 'TEAM', 'squad'], []);
    expect(match.ok).toBe(true);
  });

  it('lists missing required and unknown columns, and says which kind the file looks like', () => {
    const { match } = run('training', headersOf('service_hours'), []);
    expect(match.ok).toBe(false);
    const reasons = match.findings.map((f) => [f.code, f.field, f.message]);
    expect(reasons[0]).toEqual(['import.header', '登錄單位、課程類型、開課單位、受訓時數、課程名稱、課程起始日期、課程結束日期、課程領域', expect.stringContaining('缺少必要欄位：登錄單位')]);
    expect(reasons[1]).toEqual(['import.header', '時數歸屬單位、時數類型、服務日期起、服務日期迄、服務項目、服務內容、服務時數', expect.stringContaining('未知欄位 時數歸屬單位')]);
    expect(match.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'error']);
    expect(reasons[2]?.[2]).toContain('「服務時數」檔案');
  });

  it('skips an unknown column with a warning and reads the rows; a missing required column still refuses the file', () => {
    const { match, outcomes, checker } = run('units', ['目的機關', '大頭照', '運用單位'], [['社會局', 'photo.jpg', '八德區公所']]);
    expect(match.ok).toBe(true);
    expect(match.findings.map((f) => [f.code, f.severity, f.field, f.message])).toEqual([['import.header', 'warning', '大頭照', '欄位標題有誤：未知欄位 大頭照 將略過']]);
    expect(outcomes.map((o) => [o.status, o.record])).toEqual([['valid', { agency: '社會局', operator: '八德區公所', team: null, squad: null }]]);
    expect([...checker.present]).toEqual(['agency', 'operator']);
    const missing = run('units', ['運用單位', '大頭照'], []).match;
    expect(missing.ok).toBe(false);
    expect(missing.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', '欄位標題有誤：缺少必要欄位：目的機關'],
      ['warning', '欄位標題有誤：未知欄位 大頭照 將略過'],
    ]);
  });

  it('refuses an empty header row and a repeated column', () => {
    expect(run('units', [null, ''], []).match.findings[0]?.message).toContain('第一列須為欄位標題');
    const repeated = run('units', ['目的機關', '運用單位', 'operator'], []).match;
    expect(repeated.findings.map((f) => f.field)).toEqual(['operator']);
  });

  it('warns once when a column without a header holds data', () => {
    const { outcomes } = run('units', ['目的機關', null], [['社會局', 'x'], ['環保局', 'y']]);
    expect(codesAt(outcomes)).toEqual([[1, 'import.header', undefined]]);
    expect(outcomes.map((o) => o.status)).toEqual(['valid', 'valid']);
  });
});

describe('units import', () => {
  it('needs the level above a given level and reports duplicates at the later row', () => {
    const { outcomes } = run('units', headersOf('units'), [
      ['社會局', '八德區公所', '社福志工隊', '第一小隊'],
      ['社會局', null, '社福志工隊', null],
      ['社會局', '八德區公所', '社福志工隊', '第一小隊'],
      [null, null, null, null],
      ['社會局', '八德＞區公所', null, null],
    ]);
    expect(codesAt(outcomes)).toEqual([
      [2, 'cell.required', '運用單位'],
      [3, 'import.duplicate', '目的機關'],
      [5, 'cell.type', '運用單位'],
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['valid', 'rejected', 'rejected', 'blank', 'rejected']);
    expect(outcomes[2]?.findings[0]?.message).toBe('「社會局>八德區公所>社福志工隊>第一小隊」與第 1 列重複');
  });
});

const UBN_A = testUbn(1);
const UBN_B = testUbn(2);

describe('unions import', () => {
  const union = (over: Record<string, CellValue>): CellValue[] =>
    rowOf('unions', {
      工會類型: '職業工會',
      工會名稱: '臺中市港區裝卸職業工會',
      統一編號: UBN_A,
      理事男: 5,
      理事女: 4,
      理事合計: 9,
      監事男: 2,
      監事女: 1,
      監事合計: 3,
      會員男: 200,
      會員女: 185,
      會員合計: 385,
      成立日期: '0840301',
      任期起: '2023-01-01',
      任期迄: '2026-12-31',
      章程訂有單一性別達1: null,
      ...over,
    });

  it('checks totals, the federation count, the 1/3 rule, UBNs and duplicates, each at its row and column', () => {
    const { outcomes, checker } = run('unions', headersOf('unions'), [
      union({}),
      union({ 統一編號: UBN_B, 會員合計: 386 }),
      union({ 統一編號: testUbn(3), 工會類型: '聯合組織' }),
      union({ 統一編號: testUbn(4), '章程訂有單一性別達1/3': '是', 理事男: 7, 理事女: 2 }),
      union({}),
      union({ 統一編號: '04595258' }),
      union({ 統一編號: testUbn(5), 任期迄: '2022-12-31' }),
    ]);
    expect(codesAt(outcomes)).toEqual([
      [2, 'union.gender_total', '會員合計'],
      [3, 'union.federation_members_required', '會員工會家數'],
      [4, 'union.gender_one_third', '理事女'],
      [5, 'import.duplicate', '統一編號'],
      [6, 'id.ubn_checksum', '統一編號'],
      [7, 'date.out_of_range', '任期迄'],
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['valid', 'rejected', 'rejected', 'valid', 'rejected', 'rejected', 'rejected']);
    expect(outcomes[1]?.findings[0]?.message).toBe('會員男 200 人、女 185 人，合計應為 385，卻填 386');
    expect(outcomes[3]?.findings[0]).toMatchObject({ severity: 'warning', message: '理事女性 2 人，未達理事 9 人的 1/3（3 人）' });
    // every row: 成立日期 ROC, the two term dates Gregorian
    expect(checker.dates).toEqual({ gregorian: 14, roc: 7 });
  });

  it('refuses a UBN registered under another local government', () => {
    const ctx: ImportContext = { today: TODAY, unionOwner: (ubn) => (ubn === UBN_B ? 'other' : 'none') };
    const { outcomes } = run('unions', headersOf('unions'), [union({}), union({ 統一編號: UBN_B })], ctx);
    expect(codesAt(outcomes)).toEqual([[2, 'recon.union_unknown', '統一編號']]);
    // the words creating a union answers for a UBN registered anywhere: no other jurisdiction is named
    const message = outcomes[1]?.findings[0]?.message ?? '';
    expect(message).toBe(`統一編號「${UBN_B}」已登錄，不能由您匯入，請洽勞動部`);
    expect(message).not.toMatch(/其他|地方主管機關/);
  });
});

describe('officers import', () => {
  const officer = (over: Record<string, CellValue>): CellValue[] =>
    rowOf('officers', { 統一編號: UBN_A, 負責人: '否', 職稱: '理事', 姓名: '王小明', 身分證號: testId('A', 1, 1), 性別: '男', 任期起: '2023-01-01', 任期迄: '2026-12-31', ...over });

  it('wants exactly one 負責人 per union and term, and a term end not before its start', () => {
    const { outcomes, finish } = run('officers', headersOf('officers'), [
      officer({ 負責人: '是', 職稱: '理事長' }),
      officer({ 身分證號: testId('A', 2, 2), 性別: '女' }),
      // union B: two leaders
      officer({ 統一編號: UBN_B, 負責人: '是' }),
      officer({ 統一編號: UBN_B, 負責人: '是', 身分證號: testId('A', 1, 3) }),
      // union A, next term: no leader
      officer({ 任期起: '2027-01-01', 任期迄: '2030-12-31' }),
      officer({ 身分證號: testId('A', 1, 4), 任期起: '2020-01-01', 任期迄: '2019-12-31', 負責人: '是' }),
      officer({ 身分證號: testId('A', 2, 5) }),
    ]);
    expect(codesAt(outcomes)).toEqual([
      [6, 'officer.term_order', '任期迄'],
      [7, 'id.national_id', '身分證號'],
    ]);
    expect(finish.findings.map((f) => [f.row, f.code, f.field, f.message])).toEqual([
      [4, 'officer.leader_count', '負責人', `統一編號「${UBN_B}」任期 2023-01-01~2026-12-31 的負責人有 2 位，應恰為 1 位`],
      [5, 'officer.leader_count', '負責人', `統一編號「${UBN_A}」任期 2027-01-01~2030-12-31 的負責人有 0 位，應恰為 1 位`],
    ]);
    expect([...finish.rejectedRows].sort()).toEqual([3, 4, 5]);
  });

  describe('against the officers the registry holds', () => {
    const stored = [
      { termStart: '2023-01-01', termEnd: '2026-12-31', idNo: testId('A', 1, 1), name: '王小明', isLeader: true },
      { termStart: '2023-01-01', termEnd: '2026-12-31', idNo: testId('A', 2, 2), name: '林小華', isLeader: false },
    ];
    const ctx: ImportContext = { today: TODAY, storedOfficers: (ubn) => (ubn === UBN_A ? stored : []) };

    it('accepts one more officer for a stored term without repeating the 負責人', () => {
      const { outcomes, finish } = run('officers', headersOf('officers'), [officer({ 身分證號: testId('A', 1, 6), 姓名: '陳小強' })], ctx);
      expect(outcomes.map((o) => o.status)).toEqual(['valid']);
      expect(finish).toEqual({ findings: [], rejectedRows: new Set() });
    });

    it('refuses a new 負責人 for a stored term that keeps its old one, and names the old one', () => {
      const { finish } = run('officers', headersOf('officers'), [officer({ 身分證號: testId('A', 1, 6), 姓名: '陳小強', 負責人: '是', 職稱: '理事長' })], ctx);
      expect(finish.findings.map((f) => [f.row, f.code, f.message])).toEqual([
        [1, 'officer.leader_count', `統一編號「${UBN_A}」任期 2023-01-01~2026-12-31 的負責人有 2 位，應恰為 1 位（名冊已登錄的負責人：王小明；更換負責人時，請在同一檔案將原負責人改為「否」）`],
      ]);
      expect([...finish.rejectedRows]).toEqual([1]);
    });

    it('accepts a change of 負責人 when the same file steps the old one down', () => {
      const { finish } = run('officers', headersOf('officers'), [officer({ 身分證號: testId('A', 1, 6), 姓名: '陳小強', 負責人: '是' }), officer({ 負責人: '否' })], ctx);
      expect(finish.findings).toEqual([]);
    });

    it('refuses stepping the only 負責人 down, counting the stored officers', () => {
      const { finish } = run('officers', headersOf('officers'), [officer({ 負責人: '否' })], ctx);
      expect(finish.findings.map((f) => [f.row, f.message])).toEqual([[1, `統一編號「${UBN_A}」任期 2023-01-01~2026-12-31 的負責人有 0 位，應恰為 1 位（含名冊已登錄的 1 位職員；請在檔案中標示一位負責人「是」）`]]);
    });

    it('keeps a stored officer\'s 負責人 when the file has no such column', () => {
      const header = headersOf('officers').filter((h) => h !== '負責人');
      const row = (over: Record<string, CellValue>) => officer(over).filter((_, i) => headersOf('officers')[i] !== '負責人');
      // 王小明 again (still the stored 負責人) and a new officer: one leader
      expect(run('officers', header, [row({}), row({ 身分證號: testId('A', 1, 6) })], ctx).finish.findings).toEqual([]);
      // a new term without the column: nobody is its 負責人
      expect(run('officers', header, [row({ 任期起: '2027-01-01', 任期迄: '2030-12-31' })], ctx).finish.findings.map((f) => f.code)).toEqual(['officer.leader_count']);
    });
  });

  it('refuses officers of a union not in scope with one answer, whether another local government registered it or nobody did', () => {
    const ctx: ImportContext = { today: TODAY, unionOwner: (ubn) => (ubn === UBN_A ? 'mine' : ubn === UBN_B ? 'other' : 'none') };
    const { outcomes } = run('officers', headersOf('officers'), [officer({ 負責人: '是' }), officer({ 統一編號: UBN_B, 負責人: '是' }), officer({ 統一編號: testUbn(9), 負責人: '是' })], ctx);
    const answer = (ubn: string) => [`統一編號「${ubn}」不是系統中您管轄範圍內的工會，請先確認統一編號或建立工會資料`];
    expect(outcomes.map((o) => o.findings.map((f) => f.message))).toEqual([[], answer(UBN_B), answer(testUbn(9))]);
    // the same file but for the UBN: byte-identical findings once the UBN the user typed is blanked
    const alone = (ubn: string) => JSON.stringify(run('officers', headersOf('officers'), [officer({ 統一編號: ubn, 負責人: '是' })], ctx).outcomes).replaceAll(ubn, 'UBN');
    expect(alone(UBN_B)).toBe(alone(testUbn(9)));
  });
});

describe('volunteers import', () => {
  const directory = new UnitDirectory('桃園市政府', [
    { id: 1, parentId: null, level: 'agency', name: '社會局' },
    { id: 2, parentId: 1, level: 'operator', name: '八德區公所' },
    { id: 3, parentId: 2, level: 'team', name: '社福志工隊' },
    { id: 4, parentId: null, level: 'agency', name: '民政局' },
    { id: 5, parentId: 4, level: 'operator', name: '八德區公所' },
    { id: 6, parentId: 1, level: 'operator', name: '社會局南區老人文康中心' },
  ]);
  const volunteer = (over: Record<string, CellValue>): CellValue[] =>
    rowOf('volunteers', {
      '身分證字號/居留證字號': testId('H', 2, 10),
      中文姓名: '林小梅',
      性別: '女',
      生日: '1960-05-01',
      手機號碼: '0912-345678',
      Email: 'mei@example.com',
      現職: '家管',
      學歷: '高中',
      運用單位: '社會局 > 八德區公所',
      志工隊: '社福志工隊',
      ...over,
    });

  it('resolves units by name or path, and reports unknown or ambiguous ones at their column', () => {
    const ctx: ImportContext = { today: TODAY, units: directory };
    const { outcomes } = run('volunteers', headersOf('volunteers'), [
      volunteer({}),
      volunteer({ 運用單位: '社會局南區老人文康中心', 志工隊: null }),
      volunteer({ 運用單位: '八德區公所', '身分證字號/居留證字號': testId('H', 2, 11) }),
      volunteer({ 運用單位: '不存在的單位', '身分證字號/居留證字號': testId('H', 2, 12) }),
      volunteer({ 志工隊: '第二隊', '身分證字號/居留證字號': testId('H', 2, 13) }),
    ], ctx);
    expect(codesAt(outcomes)).toEqual([
      [3, 'import.unknown_unit', '運用單位'],
      [4, 'import.unknown_unit', '運用單位'],
      [5, 'import.unknown_unit', '志工隊'],
    ]);
    expect(outcomes[0]?.record?.placement).toEqual({ names: ['社會局 > 八德區公所', '社福志工隊'], unitId: 3 });
    expect(outcomes[1]?.record?.placement.unitId).toBe(6);
    // the hint is the message's (what to do), the expected value the first full path
    expect(outcomes[2]?.findings[0]?.message).toContain('不存在：有 2 個同名單位，請寫完整路徑，例如「');
    expect(outcomes[2]?.findings[0]?.expected).toContain(' > ');
    expect(outcomes[4]?.findings[0]?.message).toBe('單位「社會局 > 八德區公所 > 第二隊」不存在');
  });

  it('creates missing teams under a known 運用單位 when asked', () => {
    const ctx: ImportContext = { today: TODAY, units: directory, createUnits: true };
    const { outcomes } = run('volunteers', headersOf('volunteers'), [volunteer({ 志工隊: '第二隊', 志工小隊: '甲小隊' })], ctx);
    expect(outcomes[0]?.record?.placement).toEqual({ names: ['社會局 > 八德區公所', '第二隊', '甲小隊'], unitId: 2, create: [{ level: 'team', name: '第二隊' }, { level: 'squad', name: '甲小隊' }] });
  });

  it('allows one person in two units but not twice in one, nor with differing personal data', () => {
    const { outcomes } = run('volunteers', headersOf('volunteers'), [
      volunteer({}),
      volunteer({ 運用單位: '社會局南區老人文康中心', 志工隊: null }),
      volunteer({}),
      volunteer({ 運用單位: '八德', 手機號碼: '0912-000111' }),
    ]);
    expect(codesAt(outcomes)).toEqual([
      [3, 'import.duplicate', '身分證字號/居留證字號'],
      [4, 'import.duplicate', '手機號碼'],
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['valid', 'valid', 'rejected', 'rejected']);
  });

  it('warns (volunteer.category_unmapped) when 學歷 or 現職 fits no 半年報 category, and still imports the row', () => {
    const { outcomes } = run('volunteers', headersOf('volunteers'), [
      volunteer({ 學歷: 'junior high school', 現職: '公司退休' }),
      volunteer({ '身分證字號/居留證字號': testId('H', 2, 21), 學歷: '不詳', 現職: '社工' }),
    ]);
    expect(outcomes.map((o) => [o.status, o.findings.map((f) => [f.code, f.severity, f.field, f.message])])).toEqual([
      ['valid', []],
      [
        'valid',
        [
          ['volunteer.category_unmapped', 'warning', '學歷', '學歷「不詳」無法歸入半年報的教育程度（國中及以下、高中(高職)、大專、研究所），將列為「其他/未填」'],
          ['volunteer.category_unmapped', 'warning', '現職', '現職「社工」無法歸入半年報的身分別（公教人員_現職、工商界人士、家庭管理、其他、公教人員_已退休、退休人員、學生），將列為「其他」'],
        ],
      ],
    ]);
  });

  it('checks the ID against 性別, required cells, phone and e-mail formats', () => {
    const { outcomes } = run('volunteers', headersOf('volunteers'), [
      volunteer({ 性別: '男' }),
      volunteer({ '身分證字號/居留證字號': testId('H', 2, 20), 手機號碼: '0912345678', Email: 'mei@', 學歷: null }),
      volunteer({ '身分證字號/居留證字號': 'H223456780', 生日: '2030-01-01' }),
    ]);
    expect(codesAt(outcomes)).toEqual([
      [1, 'id.national_id', '身分證字號/居留證字號'],
      [2, 'contact.phone_format', '手機號碼'],
      [2, 'contact.email_format', 'Email'],
      [2, 'cell.required', '學歷'],
      [3, 'id.national_id', '身分證字號/居留證字號'],
      [3, 'date.out_of_range', '生日'],
    ]);
  });

  it('warns (volunteer.eligibility) when a 紀錄冊號 or 榮譽卡卡號 is recorded for someone the registry shows as not qualifying', () => {
    const facts = new Map([
      [testId('H', 2, 30), { basicTrainingHours: '6', specialTrainingHours: '6', serviceHours: '300', serviceStart: '2022-07-01' }],
      [testId('H', 2, 31), { basicTrainingHours: '6', specialTrainingHours: '3', serviceHours: '299.5', serviceStart: '2022-07-02' }],
    ]);
    const ctx: ImportContext = { today: TODAY, volunteerFacts: (id) => facts.get(id) };
    const { outcomes } = run('volunteers', headersOf('volunteers'), [
      volunteer({ '身分證字號/居留證字號': testId('H', 2, 30), 紀錄冊號: '社字第1號', 榮譽卡卡號: 'A00001' }),
      volunteer({ '身分證字號/居留證字號': testId('H', 2, 31), 紀錄冊號: '社字第2號', 榮譽卡卡號: 'A00002' }),
      volunteer({ '身分證字號/居留證字號': testId('H', 2, 32), 榮譽卡卡號: 'A00003', 加入日期: '2020-01-01' }),
    ], ctx);
    expect(outcomes.map((o) => o.findings.map((f) => [f.code, f.field, f.severity, f.message]))).toEqual([
      [],
      [
        ['volunteer.eligibility', '紀錄冊號', 'warning', '林小梅：填有紀錄冊號，但特殊訓練差 3 小時'],
        ['volunteer.eligibility', '榮譽卡卡號', 'warning', '林小梅：填有榮譽卡卡號，但年資差 1 年、服務時數差 0.5 小時'],
      ],
      [['volunteer.eligibility', '榮譽卡卡號', 'warning', '林小梅：填有榮譽卡卡號，但尚無紀錄冊、服務時數差 300 小時']],
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['valid', 'valid', 'valid']);
  });

  it('counts 榮譽卡 years from the first service record, and from 加入日期 only without one (saying so)', () => {
    const facts = new Map([
      [testId('H', 2, 40), { basicTrainingHours: '6', specialTrainingHours: '6', serviceHours: '300', serviceStart: '2024-01-01' }],
      [testId('H', 2, 41), { basicTrainingHours: '6', specialTrainingHours: '6', serviceHours: '300', serviceStart: null }],
    ]);
    const ctx: ImportContext = { today: TODAY, volunteerFacts: (id) => facts.get(id) };
    const { outcomes } = run('volunteers', headersOf('volunteers'), [
      // joined 2020, first service 2024: 1 year, not 5
      volunteer({ '身分證字號/居留證字號': testId('H', 2, 40), 紀錄冊號: '社字第3號', 榮譽卡卡號: 'A00004', 加入日期: '2020-01-01' }),
      volunteer({ '身分證字號/居留證字號': testId('H', 2, 41), 紀錄冊號: '社字第4號', 榮譽卡卡號: 'A00005', 加入日期: '2024-01-01' }),
    ], ctx);
    expect(outcomes.map((o) => o.findings.map((f) => f.message))).toEqual([
      ['林小梅：填有榮譽卡卡號，但年資差 2 年'],
      ['林小梅：填有榮譽卡卡號，但年資差 2 年（尚無服務紀錄，依加入日期起算）'],
    ]);
  });
});

describe('training and service-hour imports', () => {
  const ID = testId('A', 1, 40);
  const training = (over: Record<string, CellValue>): CellValue[] =>
    rowOf('training', {
      身分證字號: ID,
      志工姓名: '小光',
      登錄單位: '桃園市政府',
      課程類型: '成長',
      開課單位: '桃園市政府',
      受訓時數: 3,
      課程名稱: '測試課程',
      課程起始日期: '2025-12-01',
      課程結束日期: '2025-12-01',
      課程領域: 'C04',
      ...over,
    });

  it('reads the seed sample row and tells Gregorian from ROC dates', () => {
    const directory = new UnitDirectory('桃園市政府', []);
    const { outcomes, checker } = run('training', headersOf('training'), [training({}), training({ 課程名稱: '第二課', 課程起始日期: '1141201', 課程結束日期: '1141202', 受訓時數: '6.5' })], { today: TODAY, units: directory });
    expect(codesAt(outcomes)).toEqual([]);
    expect(outcomes[0]?.record).toMatchObject({ idNo: ID, unitId: null, courseType: '成長', hours: '3', startOn: '2025-12-01' });
    expect(outcomes[1]?.record).toMatchObject({ hours: '6.5', startOn: '2025-12-01', endOn: '2025-12-02' });
    expect(checker.dates).toEqual({ gregorian: 2, roc: 2 });
  });

  it('reads ROC dates with separators as the union system shows them (seed 000 101-10-27) and tallies them as ROC', () => {
    const { outcomes, checker } = run('training', headersOf('training'), [
      training({ 課程起始日期: '101-10-27', 課程結束日期: '101/10/28', 核定日期: '101.10.1' }),
      training({ 課程名稱: '第二課', 課程起始日期: '101-02-30', 課程結束日期: '101-03-01' }),
    ]);
    expect(outcomes[0]?.record).toMatchObject({ startOn: '2012-10-27', endOn: '2012-10-28', approvedOn: '2012-10-01' });
    expect(codesAt(outcomes)).toEqual([[2, 'date.roc_invalid', '課程起始日期']]);
    expect(outcomes[1]?.findings[0]?.message).toBe('「課程起始日期」填寫的「101-02-30」不是有效的日期：民國 101 年 2 月只有 29 日');
    expect(checker.dates).toEqual({ gregorian: 0, roc: 4 });
  });

  it('caps hours at 24 a day of the record\'s dates and wants the end not before the start', () => {
    const hours = (over: Record<string, CellValue>): CellValue[] =>
      rowOf('service_hours', { 身分證字號: ID, 志工姓名: '材', 時數歸屬單位: '采威', 時數類型: '一般志工', 服務日期起: '2025-03-01', 服務日期迄: '2025-03-01', 服務項目: '戶政服務', 服務內容: '櫃臺服務', 服務時數: 24, ...over });
    const { outcomes } = run('service_hours', headersOf('service_hours'), [
      hours({}),
      hours({ 服務時數: 99999, 服務內容: 'a' }),
      hours({ 服務時數: '24.5', 服務內容: 'b' }),
      hours({ 服務時數: 48, 服務日期迄: '2025-03-02', 服務內容: 'c' }),
      hours({ 服務時數: 2, 服務日期起: '2025-03-05', 服務日期迄: '2025-03-04', 服務內容: 'd' }),
    ]);
    expect(codesAt(outcomes)).toEqual([
      [2, 'volunteer.hours_implausible', '服務時數'],
      [3, 'volunteer.hours_implausible', '服務時數'],
      [5, 'date.out_of_range', '服務日期迄'],
    ]);
    expect(outcomes[1]?.findings[0]?.message).toBe('「服務時數」99999 小時超過 1 天最多的 24 小時，請確認時數或起訖日期');
    expect(outcomes.map((o) => o.status)).toEqual(['valid', 'rejected', 'rejected', 'valid', 'rejected']);
    const long = run('training', headersOf('training'), [training({ 受訓時數: 49, 課程結束日期: '2025-12-02' })]);
    expect(codesAt(long.outcomes)).toEqual([[1, 'volunteer.hours_implausible', '受訓時數']]);
  });

  it('reports a course type outside the list, an end before the start, bad hours and duplicates', () => {
    const { outcomes } = run('training', headersOf('training'), [
      training({ 課程類型: '進階' }),
      training({ 課程結束日期: '2025-11-30' }),
      training({ 受訓時數: '３' }),
      training({ 受訓時數: -1 }),
      training({}),
      training({}),
      training({ 課程起始日期: '2025-02-30', 課程名稱: 'x' }),
    ]);
    expect(codesAt(outcomes)).toEqual([
      [1, 'cell.enum', '課程類型'],
      [2, 'date.out_of_range', '課程結束日期'],
      [3, 'cell.fullwidth', '受訓時數'],
      [4, 'cell.negative', '受訓時數'],
      [6, 'import.duplicate', '身分證字號'],
      [7, 'date.roc_invalid', '課程起始日期'],
    ]);
  });

  it('keys service hours by person, unit, type, dates, item and content', () => {
    const hours = (over: Record<string, CellValue>): CellValue[] =>
      rowOf('service_hours', { 身分證字號: ID, 志工姓名: '材', 時數歸屬單位: '采威', 時數類型: '一般志工', 服務日期起: '2021/02/25', 服務日期迄: '2021/05/06', 服務項目: '戶政服務', 服務內容: '櫃臺服務', 服務時數: 756, ...over });
    const { outcomes } = run('service_hours', headersOf('service_hours'), [hours({}), hours({ 服務時數: 10 }), hours({ 服務內容: '導覽' }), hours({ 時數歸屬單位: '不存在' })], {
      today: TODAY,
      units: new UnitDirectory('桃園市政府', [{ id: 1, parentId: null, level: 'agency', name: '采威' }]),
    });
    expect(codesAt(outcomes)).toEqual([
      [2, 'import.duplicate', '身分證字號'],
      [4, 'import.unknown_unit', '時數歸屬單位'],
    ]);
    expect(outcomes[0]?.record).toMatchObject({ unitId: 1, hours: '756', startOn: '2021-02-25', endOn: '2021-05-06' });
  });
});
