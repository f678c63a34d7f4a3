// The seed's worked examples (004 §2.1(三), §2.3(三), §2.4(四), §2.5(三), §2.6(三), §2.7(三)) as fill values by defined name,
// completed with a roster and a training report consistent with them, and a clean December cash book.
// Every fixture that must trigger one finding starts from these and changes one thing.
import { type Fill, type FillValue } from './snapshot-builder';

export const EXAMPLE_UBN = '04595257';
export const EXAMPLE_UNION = '臺中市港區裝卸職業工會';

const ID_LETTERS: Readonly<Record<string, number>> = { B: 11 };

/** A valid national ID for letter B with the given sex digit and serial (checksum computed). */
export const makeNationalId = (sexDigit: 1 | 2, serial: number): string => {
  const body = `${sexDigit}${String(serial).padStart(7, '0')}`;
  const code = ID_LETTERS.B ?? 11;
  const weights = [8, 7, 6, 5, 4, 3, 2, 1];
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  body.split('').forEach((d, i) => (sum += Number(d) * (weights[i] ?? 0)));
  const check = (10 - (sum % 10)) % 10;
  return `B${body}${check}`;
};

const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '洪', '郭'];
const GIVEN = ['志明', '淑芬', '建宏', '美玲', '俊傑', '雅婷', '家豪', '怡君', '冠宇', '佩珊', '宗翰', '欣怡', '承恩', '詩涵'];

/** A roster of n members: names, sexes, valid IDs, birth and join dates (ROC), occupations. */
export const makeRoster = (n: number): FillValue[][] =>
  Array.from({ length: n }, (_, i) => {
    const female = i % 12 === 5;
    const birthYear = 45 + (i % 40);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    return [
      i + 1,
      `${SURNAMES[i % SURNAMES.length] ?? '陳'}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? '志明'}`,
      female ? '女' : '男',
      makeNationalId(female ? 2 : 1, 1000 + i),
      `0${birthYear}${month}${day}`,
      `${100 + (i % 14)}${month}${day}`,
      i % 3 === 0 ? '貨櫃裝卸' : '碼頭理貨',
    ];
  });

const u = undefined;

export const APPLICATION_EXAMPLE: Fill = {
  app_year: '115',
  app_union_name: EXAMPLE_UNION,
  app_union_type: '職業工會',
  app_ubn: EXAMPLE_UBN,
  app_founded: '0670127',
  app_port_work: '碼頭裝卸作業',
  app_account_name: `${EXAMPLE_UNION}商港服務費福利專款`,
  app_bank_account: '臺灣銀行臺中港分行甲存戶123456789022',
  app_address: '435臺中市梧棲區臨港路四段100號',
  app_phone: '04-26561234',
  app_fax: '04-26561235',
  app_leader: '黃大明理事長',
  app_members: 385,
  app_contact: '洪小華',
  app_contact_phone: '04-26561234',
  app_contact_email: 'union@example.com.tw',
  roster_rows: makeRoster(385),

  // 決算 (seed 004 §2.3(三))
  fa_rev_alloc: 467000,
  fa_rev_interest: 15937,
  fa_interest_option: 'B',
  fa_rev_other: 0,
  fa_rev_surplus_draw: 513600,
  fa_prev_surplus_remaining: 2352194,
  fa_spend: [
    [u, 193700, 6000], // 1 教育訓練
    [0, 0, 0], // 2 急難救助
    [u, u, u], // 3 (合計)
    [489600, 0, 0], // 3-1
    [0, 0, 0], // 3-2
    [24000, 72000, 0], // 4 退休補助
    [u, u, u], // 5 (合計)
    [u, 63500, 0], // 5-1
    [u, 9400, 9000], // 5-2
    [u, 0, 0], // 5-3
    [u, 124500, 0], // 5-4
    [u, 0, 0], // 5-5
    [u, 0, 0], // 6 行政事務費
  ],
  fa_benefit: [[4], [32], [219], [33], [0], [0], [u], [u], [378], [30], [0], [0], [15], [1], [u], [u], [34], [2], [17], [1], [0], [0], [385], [30], [0], [0]],

  // 教育訓練成果 (seed 004 §2.4(四), session 3's illegible date read as 1141104, a fourth session completing the 決算 totals)
  tr_sessions: [
    [1, '1140721', '1140722', 2, '114年商港服務費福利專款教育訓練研習會', '嘉義尊皇飯店', 'V', u, 'V', '勞動基準法重點說明', 2, '工會會議概況', 1, '勞安影片', 1, '導覽活動', 2, '工會組織發展', 2, '職場安全與倫理', 2, 74600, 38, 10, '加強會員對工會向心力，注意職場安全'],
    [2, '1140818', '1140819', 2, '114年商港服務費福利專款教育訓練研習會', '泰安龍騰飯店', 'V', u, u, '工會組織發展', 2, '職場平權', 2, '國際港口發展趨勢', 2, '促進工會發展', 2, '國民法官制度', 1, '綜合座談', 1, 66680, 27, 13, '提升會員國際觀，了解各國港口作業現況及宣導政府政策'],
    [3, '1141104', u, 1, '114年商港服務費福利專款教育訓練研習會', '中櫃公司候工室', 'V', u, u, u, u, '碼頭作業安全宣導', 3, u, u, '綜合座談', 1, '堆高機操作安全宣導', 2, u, u, 38420, 104, 10, '加強會員作業安全及操作車機危險性宣導'],
    [4, '1141205', u, 1, '114年商港服務費福利專款職場安全講座', '工會會議室', 'V', 'V', u, '勞動法令修正重點', 2, u, u, '職場健康促進', 2, u, u, u, u, '防詐騙與交通安全', 2, 20000, 50, 0, '增進會員職場健康與生活安全知識'],
  ],

  // 教育訓練經費 (seed 004 §2.5(三)): 199,700 = 193,700 + 6,000
  te_items: [[28000], [0], [0], [20000], [1500], [70240], [21920], [10560], [40000], [7480], [0], [0], [0]],

  // 工作計畫 (seed 004 §2.6(三))
  wp_items: [
    ['辦理勞動法令、職場健康、港務規定、工作調適等課程之勞工教育訓練。', '預計辦理4場次', '每場次50,000元*4場次=200,000元。（另使用利息8,000元）', 200000, '5、7、9月'],
    ['會員因遭天災地變，致房屋全毀、全倒者發急難救助金新臺幣貳萬元；半毀、半倒者發新臺幣壹萬元。', '2人次', '10,000元*2人次=20,000元。', 20000, '1-12月'],
    ['辦理會員團體意外保險（保額100萬元）。', '386人次', '團體意外險1,200元*386人次=463,200元。', 463200, '1-12月'],
    ['凡屬本會會員，在所屬公司依法退休者，致贈價值六仟元之純金戒指乙只。', '20人次', '退休補助6,000元*20人次=120,000元。（另使用利息12,000元）', 120000, '1-12月'],
    ['1、會員子女教育獎學金。2、三節致贈實用福利品。3、婚喪慶弔。', '470人次', '子女教育獎學金70,000元、三節福利品等143,500元。', 213500, '1-12月'],
    ['凡與本辦法相關之行政事務費用（購置文具、郵資、交通、車馬、誤餐、加班費等）。', '22人次', '交通費5,000元、文具費5,000元、郵資4,000元。', 14000, '1-12月'],
  ],

  // 預算 (seed 004 §2.7(三)): 467,000 + 937 + 19,872 + 563,700 = 1,051,509
  bg_rev_alloc: 467000,
  bg_rev_interest_est: 19872,
  bg_rev_surplus_draw: 563700,
  bg_prev_surplus_remaining: 1793331,
  bg_rev_notes: [['依據上年度實際分配數預估'], [u], ['依據上年度實際分配數預估'], [u]],
  bg_spend: [[200000], [20809], [20000], [463200], [120000], [213500], [14000]],
};

/** One cash-book entry: 月, 日, 字, 傳票序號, 項目, 號, 摘要(一) (formula: left undefined), 摘要(二), 金額, 動支類別, 動支帳戶. */
export type EntryRow = [number, number, string, string, string, string, undefined, string | undefined, number, string | undefined, string];

const e = (
  month: number,
  day: number,
  zi: string,
  voucher: number,
  item: string,
  no: string,
  note: string | undefined,
  amount: number,
  category: string | undefined,
  account: string,
): EntryRow => [month, day, zi, String(voucher), item, no, undefined, note, amount, category, account];

/** A full year (December filing) of 115 that is clean: 教育訓練 199,700 ≥ 40 % of 467,000; 行政事務費 4,500 ≤ 10 %. */
export const CASHBOOK_ENTRIES: readonly EntryRow[] = [
  e(1, 15, '收', 1, '年度收入', '1', '115年分配款', 467000, '分配款', '專戶存款1'),
  e(1, 20, '轉', 2, '動支存款', '2', '提撥零用金', 200000, undefined, '專戶存款1'),
  e(2, 9, '支', 3, '3、職災保險或慰問金', '3-2-2', '洪孟奎家屬住院慰問', 2000, '結餘款', '零用金'),
  e(2, 20, '支', 4, '3、職災保險或慰問金', '3-2-1', '廖奇俊住院慰問', 1100, '結餘款', '零用金'),
  e(3, 31, '支', 5, '6、行政事務費', '6-1', '辦公文具', 2000, '分配款', '零用金'),
  e(4, 19, '支', 6, '3、職災保險或慰問金', '3-2-1', '傅武雄住院慰問', 2000, '結餘款', '零用金'),
  e(5, 18, '收', 7, '年度收入', '3', '活期利息', 37, '利息收入', '專戶存款1'),
  e(5, 18, '支', 8, '5、會員福利', '5-4', '五一勞動節禮品', 100000, '分配款', '專戶存款1'),
  e(6, 30, '支', 9, '1、教育訓練', '1-4', '研習會場地', 20000, '分配款', '專戶存款1'),
  e(7, 21, '支', 10, '1、教育訓練', '1-6', '研習會餐費', 70240, '分配款', '專戶存款1'),
  e(7, 22, '支', 11, '1、教育訓練', '1-1', '研習會講師', 28000, '分配款', '專戶存款1'),
  e(8, 18, '支', 12, '1、教育訓練', '1-9', '研習會租車', 40000, '分配款', '專戶存款1'),
  e(8, 19, '支', 13, '1、教育訓練', '1-7', '講義印刷', 21920, '分配款', '專戶存款1'),
  e(9, 30, '轉', 14, '動支存款', '1', '轉存定期存款', 500000, undefined, '專戶存款1'),
  e(10, 1, '收', 15, '年度收入', '2', '定存利息', 1500, '利息收入', '專戶存款1'),
  e(11, 4, '支', 16, '1、教育訓練', '1-8', '講座茶點', 10560, '分配款', '零用金'),
  e(11, 4, '支', 17, '1、教育訓練', '1-5', '講座場地佈置', 1500, '分配款', '零用金'),
  e(12, 5, '支', 18, '1、教育訓練', '1-10', '平安保險', 7480, '分配款', '零用金'),
  e(12, 20, '支', 19, '4、退休', '4-1', '王大同', 6000, '分配款', '零用金'),
  e(12, 28, '支', 20, '6、行政事務費', '6-2', '交通費', 2500, '分配款', '零用金'),
];

export const CASHBOOK_EXAMPLE: Fill = {
  cb_union_name: EXAMPLE_UNION,
  cb_year: '115',
  cb_ubn: EXAMPLE_UBN,
  cb_period: 12,
  cb_open_special1: 1500000,
  cb_open_special2: 0,
  cb_open_fixed: 0,
  cb_open_petty: 57904,
  cb_entries: CASHBOOK_ENTRIES.map((r) => [...r]),
};

/** The expected closing balances of CASHBOOK_EXAMPLE, worked by hand. */
export const CASHBOOK_EXAMPLE_CLOSING = {
  專戶存款1: 988377,
  專戶存款2: 0,
  定期存款: 500000,
  零用金: 222764,
} as const;
