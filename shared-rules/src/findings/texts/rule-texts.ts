// zh-TW texts of the workbook and import rules' sub-codes: {reason}, {detail} and {part} of their findings.
import { type FindingParams } from '../params';
import { type TextTemplate } from './template';

/** "A、B、C" or "A、B、C 等 12 個" from params columns (the first few, joined) and more (how many in all, when cut). */
const listed = (p: FindingParams, q: (name: string) => string): string => (p.more === undefined ? q('columns') : `${q('columns')} 等 ${q('more')} 個`);

/** "尚無紀錄冊、基礎訓練差 3 小時…": a volunteer's shortfall from params recordBook, basicHours, specialHours, years, hours. */
export const shortfallText = (p: FindingParams, q: (name: string) => string): string => {
  const parts: string[] = [];
  if (p.recordBook !== undefined) parts.push('尚無紀錄冊');
  if (p.basicHours !== undefined) parts.push(`基礎訓練差 ${q('basicHours')} 小時`);
  if (p.specialHours !== undefined) parts.push(`特殊訓練差 ${q('specialHours')} 小時`);
  if (p.years !== undefined) {
    const from = p.yearsFromJoinDate !== undefined ? '（尚無服務紀錄，依加入日期起算）' : '';
    parts.push(p.yearsUnknown !== undefined ? `服務年資不明（須 ${q('years')} 年）` : `年資差 ${q('years')} 年${from}`);
  }
  if (p.hours !== undefined) parts.push(`服務時數差 ${q('hours')} 小時`);
  return parts.join('、');
};

export const RULE_TEXTS = {
  // file.name_mismatch's {part}
  'part.kind': '類別',
  'part.year': '年度',
  'part.month': '月份',
  'part.ubn': '統一編號',
  // training.day2
  'day2.not_two_days': '天數為 {days} 日，不應填第 2 天日期，請刪除',
  'day2.missing': '天數為 2 日，須填第 2 天日期',
  'day2.not_next_day': '第 2 天日期 {day2} 應為第 1 天 {day1} 的次日 {next}',
  // training.session_order
  'session.duplicate': '與第 {otherRow} 列的場次重複，每一場次請用不同的編號',
  'session.order': '小於上方已填的場次 {previous}，請依辦理順序由 1 起編號',
  // fa.benefit_without_spend
  'benefit.spend_without_sessions': '有支出 {money} 元但未填場次',
  'benefit.spend_without_people': '有支出 {money} 元但未填受益人次',
  'benefit.sessions_without_spend': '有場次但無支出金額',
  'benefit.people_without_spend': '有受益人次但無支出金額',
  // xsheet.training_cost
  'xsheet.expenses_total': '教育訓練經費合計（應等於教育訓練成果報告各場次使用經費總和）',
  'xsheet.final_accounts_training': '決算教育訓練分配款加利息（應等於教育訓練經費合計）',
  // ledger.date_out_of_period
  'ledger.no_such_day': '不存在：{month} 月只有 {last} 日',
  'ledger.feb_any_year': '不存在：2 月最多只有 {last} 日',
  'ledger.feb_roc': '不存在：民國 {year} 年 2 月只有 {last} 日',
  'ledger.after_period': '晚於申報月份 {period} 月的月底，請列入之後申報的登記簿',
  // volunteer.eligibility
  'eligibility.shortfall': (p, q) => `填有${q('credential')}，但${shortfallText(p, q)}`,
  'eligibility.shortfall_parts': shortfallText,
  // officer.leader_count's {detail}
  'leader.stored_leaders': '（名冊已登錄的負責人：{names}；更換負責人時，請在同一檔案將原負責人改為「否」）',
  'leader.stored_officers': '（含名冊已登錄的 {storedCount} 位職員；請在檔案中標示一位負責人「是」）',
  // import.unknown_unit's {detail}
  'unit.ambiguous': '：有 {count} 個同名單位，請寫完整路徑，例如「{expected}」',
  // recon.union_unknown (imports and uploads)
  'union.not_registered': '不是已登錄的工會，請先匯入工會基本資料',
  'union.not_in_scope': '不在您的管轄範圍',
  // not written any more (it named another jurisdiction): kept for findings stored before issue 14
  'union.other_authority': '已登錄在其他地方主管機關之下，不能由您匯入',
  'union.ubn_registered': '已登錄，不能由您匯入，請洽勞動部',
  'union.not_yours': '不是您的工會，無法代為申報',
  'union.not_in_jurisdiction': '不是系統中您管轄範圍內的工會，請先確認統一編號或建立工會資料',
  // import.header
  'header.none': '第一列須為欄位標題，例如：{columns}',
  'header.missing': (p, q) => `缺少必要欄位：${listed(p, q)}`,
  'header.unknown': (p, q) => `未知欄位 ${listed(p, q)} 將略過`,
  'header.repeated': (p, q) => `欄位重複：${listed(p, q)}`,
  'header.wrong_kind': '這看來是「{kinds}」檔案，不是「{kind}」，請確認匯入類別',
  'header.blank_column': '第 {column} 欄沒有欄位標題，該欄資料不會匯入',
} as const satisfies Record<string, TextTemplate>;
