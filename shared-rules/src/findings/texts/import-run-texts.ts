// zh-TW texts of an import run's result (import_runs.message_code + message_params, SPEC §8): stored as a code and its
// counts, written when the run is shown (the API's run view and the run's report), like a finding.
import { type TextTemplate } from './template';

export const IMPORT_RUN_TEXTS = {
  'run.header_invalid': '欄位標題有誤，未讀取任何資料列；請依匯入範本修正第一列後再匯入',
  'run.dry_run': '試算（未寫入任何資料）：共 {read} 筆，可匯入 {valid} 筆，有錯誤 {rejected} 筆；若匯入正確的列：新增 {inserted}、更新 {updated}、未變更 {unchanged}',
  'run.rejected': '全部或全不：{rejected} 筆有錯誤，未寫入任何資料；請修正後重新匯入',
  'run.applied': '已匯入 {valid} 筆：新增 {inserted}、更新 {updated}、未變更 {unchanged}',
  'run.applied_partly': '已匯入 {valid} 筆：新增 {inserted}、更新 {updated}、未變更 {unchanged}；{rejected} 筆有錯誤未匯入',
  // a queued run (issue 19: imports run as jobs)
  'run.queued': '已收到檔案，排隊等候處理',
  'run.running': '處理中：已讀 {read} 筆',
  'run.failed': '處理失敗（已重試 {attempts} 次），未寫入任何資料；請重新匯入，仍失敗請通知系統管理者',
} as const satisfies Record<string, TextTemplate>;
