// The columns of every registry import (SPEC §8; training history with the exact seed-003 columns): the Chinese header,
// English aliases and whether the field is required (the * of the SPEC). Column order in a file is free.

export const IMPORT_KINDS = ['units', 'unions', 'officers', 'volunteers', 'training', 'service_hours'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);

/** zh-TW names of the import kinds (for messages, the report and the CLI). */
export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = {
  units: '志工單位',
  unions: '工會基本資料',
  officers: '職員基本資料',
  volunteers: '志工資料',
  training: '教育訓練歷程',
  service_hours: '服務時數',
};

export interface ColumnSpec {
  readonly key: string;
  /** The header as SPEC §8 writes it (findings name the column by it). */
  readonly header: string;
  /** Other accepted spellings: English snake_case names and Chinese variants seen in the seeds. */
  readonly aliases: readonly string[];
  /** A required field: the column must be present and the cell filled. */
  readonly required: boolean;
}

const col = (key: string, header: string, required: boolean, ...aliases: string[]): ColumnSpec => ({ key, header, aliases, required });

// 目的機關 > 運用單位 > 志工隊 > 志工小隊 under the local government (主管機關); one row per path.
const UNITS: readonly ColumnSpec[] = [
  col('agency', '目的機關', true, 'agency', '目的事業主管機關'),
  col('operator', '運用單位', false, 'operator', 'operating_unit', '所屬運用單位'),
  col('team', '志工隊', false, 'team'),
  col('squad', '志工小隊', false, 'squad', '小隊'),
];

// seed 000 (工會基本資料) and 001 (registration): every field of the basic-data page.
const UNIONS: readonly ColumnSpec[] = [
  col('unionNo', '工會編號', false, 'union_no'),
  col('unionType', '工會類型', false, 'union_type'),
  col('name', '工會名稱', true, 'union_name', 'name'),
  col('ubn', '統一編號', true, 'ubn', '工會統一編號'),
  col('registrationNo', '立案證書編號', false, 'registration_no'),
  col('leader', '負責人', false, 'leader'),
  col('termNo', '屆次', false, 'term_no'),
  col('termStart', '任期起', false, 'term_start'),
  col('termEnd', '任期迄', false, 'term_end'),
  col('foundedOn', '成立日期', false, 'founded_on'),
  col('certificateOn', '登記證書日期', false, 'certificate_date'),
  col('documentNo', '文號', false, 'document_no'),
  col('address', '會址', false, 'address'),
  col('phone', '電話', false, 'phone'),
  col('email', 'Email', false, 'email', '電子信箱', '電子郵件'),
  col('fax', '傳真', false, 'fax'),
  col('website', '網址', false, 'website', 'url'),
  col('electoralSystem', '選制', false, 'electoral_system'),
  col('memberUnions', '會員工會家數', false, 'member_unions'),
  col('directorsMale', '理事男', false, 'directors_male'),
  col('directorsFemale', '理事女', false, 'directors_female'),
  col('directorsTotal', '理事合計', false, 'directors_total'),
  col('supervisorsMale', '監事男', false, 'supervisors_male'),
  col('supervisorsFemale', '監事女', false, 'supervisors_female'),
  col('supervisorsTotal', '監事合計', false, 'supervisors_total'),
  col('membersMale', '會員男', false, 'members_male'),
  col('membersFemale', '會員女', false, 'members_female'),
  col('membersTotal', '會員合計', false, 'members_total'),
  col('lastYearRevenue', '上年度歲入決算', false, 'last_year_revenue'),
  col('lastYearExpenditure', '上年度歲出決算', false, 'last_year_expenditure'),
  col('lastGeneralMeetingOn', '上次定期大會日期', false, 'last_general_meeting'),
  col('oneThirdRule', '章程訂有單一性別達1/3', false, 'one_third_rule', '章程或選舉辦法是否訂有單一性別達1/3'),
  col('authority', '主管機關', false, 'authority'),
];

// seed 000 (職員基本資料): one officer per row; a union's term is its rows with the same 任期.
const OFFICERS: readonly ColumnSpec[] = [
  col('ubn', '統一編號', true, 'ubn'),
  col('isLeader', '負責人', false, 'is_leader', 'leader'),
  col('title', '職稱', true, 'title'),
  col('name', '姓名', true, 'name'),
  col('idNo', '身分證號', true, 'id_no', '身分證字號', '身份證號', '身份證字號'),
  col('sex', '性別', true, 'sex', 'gender'),
  col('birthDate', '生日', false, 'birth_date', 'birthday', '出生日期'),
  col('address', '通訊地址', false, 'address'),
  col('phone', '電話', false, 'phone'),
  col('email', 'Email', false, 'email', '電子信箱'),
  col('termStart', '任期起', true, 'term_start'),
  col('termEnd', '任期迄', true, 'term_end'),
];

// seed 003 志工資料維護; 投保狀態 is our addition (the seed keeps insurance in its own page) for 志工保險人數.
const VOLUNTEERS: readonly ColumnSpec[] = [
  col('idNo', '身分證字號/居留證字號', true, 'id_no', '身分證字號', '居留證字號', '身份證字號', '身分證字號/居留證號'),
  col('name', '中文姓名', true, 'name', '姓名', '志工姓名'),
  col('nameEn', '英文姓名', false, 'english_name', 'name_en'),
  col('sex', '性別', true, 'sex', 'gender'),
  col('birthDate', '生日', true, 'birth_date', 'birthday', '出生日期'),
  col('mobile', '手機號碼', true, 'mobile', '手機'),
  col('phone', '室內電話', false, 'phone'),
  col('email', 'Email', true, 'email', 'Email信箱', '電子信箱'),
  col('householdAddress', '戶籍地址', false, 'household_address'),
  col('contactAddress', '聯絡地址', false, 'contact_address'),
  col('indigenous', '是否為原住民', false, 'indigenous'),
  col('foreigner', '是否為外國人', false, 'foreigner'),
  col('disasterRelief', '是否加入救災志工', false, 'disaster_relief'),
  col('occupation', '現職', true, 'occupation'),
  col('education', '學歷', true, 'education'),
  col('skills', '專長', false, 'skills'),
  col('languages', '擅長語言', false, 'languages'),
  col('serviceCategories', '期待服務類別', false, 'service_categories'),
  col('operator', '運用單位', true, 'operator', 'operating_unit', '所屬運用單位'),
  col('team', '志工隊', false, 'team'),
  col('squad', '志工小隊', false, 'squad'),
  col('recordBookNo', '紀錄冊號', false, 'record_book_no'),
  col('recordBookIssuer', '紀錄冊發給單位', false, 'record_book_issuer'),
  col('honorCardNo', '榮譽卡卡號', false, 'honor_card_no'),
  col('joinedOn', '加入日期', false, 'joined_on', 'join_date'),
  col('insurance', '投保狀態', false, 'insurance_status', '保險狀態'),
];

// seed 003 教育訓練歷程匯入, the sample file's columns A–L exactly.
const TRAINING: readonly ColumnSpec[] = [
  col('idNo', '身分證字號', true, 'id_no', '身份證字號', '身分證字號/居留證字號'),
  col('volunteerName', '志工姓名', true, 'volunteer_name', 'name'),
  col('unit', '登錄單位', true, 'registering_unit', 'unit'),
  col('courseType', '課程類型', true, 'course_type'),
  col('organizer', '開課單位', true, 'organizer'),
  col('hours', '受訓時數', true, 'hours', 'training_hours'),
  col('courseName', '課程名稱', true, 'course_name'),
  col('startOn', '課程起始日期', true, 'start_date', 'course_start'),
  col('endOn', '課程結束日期', true, 'end_date', 'course_end'),
  col('domain', '課程領域', true, 'course_domain', 'domain'),
  col('approvedOn', '核定日期', false, 'approved_on', 'approval_date'),
  col('approvalNo', '核定字號', false, 'approval_no'),
];

// seed 003 志工服務時數管理 (匯入時數): the detail columns of the hours list.
const SERVICE_HOURS: readonly ColumnSpec[] = [
  col('idNo', '身分證字號', true, 'id_no', '身份證字號', '身分證字號/居留證字號'),
  col('volunteerName', '志工姓名', true, 'volunteer_name', 'name'),
  col('unit', '時數歸屬單位', true, 'unit', 'hours_unit'),
  col('hourType', '時數類型', true, 'hour_type'),
  col('startOn', '服務日期起', true, 'start_date', 'service_start'),
  col('endOn', '服務日期迄', true, 'end_date', 'service_end'),
  col('serviceItem', '服務項目', true, 'service_item'),
  col('serviceContent', '服務內容', true, 'service_content'),
  col('hours', '服務時數', true, 'hours', 'service_hours'),
];

export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  units: UNITS,
  unions: UNIONS,
  officers: OFFICERS,
  volunteers: VOLUNTEERS,
  training: TRAINING,
  service_hours: SERVICE_HOURS,
};

/** The header of a column key of a kind (the canonical Chinese header). */
export const headerOf = (kind: ImportKind, key: string): string => IMPORT_COLUMNS[kind].find((c) => c.key === key)?.header ?? key;
