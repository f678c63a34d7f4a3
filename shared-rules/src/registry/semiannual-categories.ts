// The 半年報's categories (seed 003 半年報填報) and, as data, which 學歷 / 現職 values fall into each: a value is looked up
// exactly (after NFKC, spacing and case are evened out), never guessed by a keyword, so 「公司退休」 cannot become a
// retired civil servant and 「社工」 cannot become 工商界人士. A value in no list is 其他/未填 and is warned about at import.

/** The form's 按教育程度分 rows, lowest first (SPEC §8; the seed's screen shows them in a two-column grid). */
export const EDUCATION_LEVELS = ['國中及以下', '高中(高職)', '大專', '研究所'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The form's 按身分別分 rows, in its order. */
export const IDENTITIES = ['公教人員_現職', '工商界人士', '家庭管理', '其他', '公教人員_已退休', '退休人員', '學生'] as const;
export type Identity = (typeof IDENTITIES)[number];

/** The form's 訓練情形 rows (each 人次 and 節數): by who ran the course, not by 課程類型. */
export const TRAINING_CATEGORIES = ['團體訓練', '推廣訓練', '其他推廣訓練'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];

/** Accepted 學歷 values of each 教育程度 (a trailing 畢業 / 肄業 / 在學 is ignored). */
export const EDUCATION_SYNONYMS: Readonly<Record<EducationLevel, readonly string[]>> = {
  國中及以下: ['國中及以下', '國中以下', '國中', '初中', '國民中學', '國小', '小學', '國民小學', '不識字', '識字', '自修', '未就學', '幼稚園', '幼兒園', 'junior high school', 'junior high', 'elementary school', 'elementary', 'primary school', 'primary'],
  大專: ['大專', '大學', '專科', '大專院校', '大學(專科)', '大學/專科', '學院', '學士', '二技', '四技', '五專', '二專', '三專', '科大', '科技大學', '技術學院', '空中大學', 'bachelor', 'college', 'university'],
  '高中(高職)': ['高中(高職)', '高中', '高職', '高中職', '高中/高職', '高級中學', '高級中等學校', '高級職業學校', '綜合高中', '高商', '高工', '高農', '高家', '職校', 'senior high school', 'high school', 'vocational high school', 'vocational school'],
  研究所: ['研究所', '研究所以上', '大學研究所', '碩士', '碩士以上', '碩專', '碩士在職專班', '博士', 'master', 'masters', 'phd', 'ph.d.', 'ph.d', 'doctor', 'doctorate', 'graduate school'],
};

/** Accepted 現職 values of each 身分別; 退休 alone is 退休人員, only a retired 公教 is 公教人員_已退休. */
export const IDENTITY_SYNONYMS: Readonly<Record<Identity, readonly string[]>> = {
  公教人員_現職: ['公教人員_現職', '公教人員(現職)', '公教人員', '公教', '軍公教', '軍公教人員', '公務人員', '公務員', '公職', '公職人員', '教師', '老師', '教職', '教職員', '教授', '軍人', '軍職', '警察', '警職', '消防員'],
  工商界人士: [
    '工商界人士', '工商界', '工商', '工商業', '工商人員', '工', '商', '工業', '商業', '服務業', '自營', '自營商', '自由業', '農', '農業', '林業', '漁業', '牧業', '農林漁牧業',
    '醫療業', '金融業', '資訊業', '科技業', '製造業', '營造業', '建築業', '上班族', '職員', '公司職員', '員工', '技術人員', '專業人員', '業務', '經理', '老闆', '企業主', '私人企業', '民營企業',
  ],
  家庭管理: ['家庭管理', '家管', '家庭主婦', '主婦', '家庭主夫', '持家', '家務'],
  其他: ['其他', '其它', '待業', '無業', '失業', '無工作', '無'],
  公教人員_已退休: [
    '公教人員_已退休', '公教人員(已退休)', '退休公教', '退休公教人員', '公教退休', '軍公教退休', '退休軍公教', '退休公務員', '退休公務人員', '公務員退休', '退休教師', '退休老師', '教師退休',
    '退休軍人', '退伍軍人', '退役軍人', '榮民', '退休警察',
  ],
  退休人員: ['退休人員', '退休', '已退休', '退休勞工', '公司退休', '企業退休', '退休員工'],
  學生: ['學生', '在學', '在學學生', '大學生', '研究生', '高中生', '國中生', '國小學生', '小學生'],
};

/** 開課單位 names that mark a 推廣訓練: courses of a 志願服務推廣中心. */
export const PROMOTION_ORGANIZER_MARKS: readonly string[] = ['志願服務推廣中心', '推廣中心'];

/** A value as compared: NFKC (full-width brackets become ASCII), no spaces, lower case. */
export const categoryKey = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const EDUCATION_STATUS = /(?:畢業|肄業|在學中|在學|就讀中|就讀|結業)$/;

const lookupOf = <T extends string>(table: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> => {
  const map = new Map<string, T>();
  for (const [category, values] of Object.entries(table) as [T, readonly string[]][]) {
    for (const v of values) {
      const key = categoryKey(v);
      // one value in two lists would make the report depend on list order
      if (map.has(key)) throw new Error(`semiannual category value listed twice: ${v}`);
      map.set(key, category);
    }
  }
  return map;
};

const EDUCATION_LOOKUP = lookupOf(EDUCATION_SYNONYMS);
const IDENTITY_LOOKUP = lookupOf(IDENTITY_SYNONYMS);

/** 學歷 → 教育程度, or null (其他/未填) when the value is in no list. */
export const educationLevel = (text: string): EducationLevel | null => {
  const key = categoryKey(text);
  return EDUCATION_LOOKUP.get(key) ?? EDUCATION_LOOKUP.get(key.replace(EDUCATION_STATUS, '')) ?? null;
};

/** 現職 → 身分別, or null when the value is in no list (then counted in 其他 and listed). */
export const identityOf = (occupation: string): Identity | null => IDENTITY_LOOKUP.get(categoryKey(occupation)) ?? null;

/**
 * 開課單位 → the form's training row: a 志願服務推廣中心 runs 推廣訓練; a unit of the registry (目的機關 down to 志工小隊:
 * seed 003 「運用單位自行辦理之志工教育訓練課程」) runs 團體訓練; any other organiser is 其他推廣訓練.
 */
export const trainingCategoryOf = (organizer: string, organizerIsRegistryUnit: boolean): TrainingCategory => {
  const key = categoryKey(organizer);
  if (PROMOTION_ORGANIZER_MARKS.some((mark) => key.includes(categoryKey(mark)))) return '推廣訓練';
  return organizerIsRegistryUnit ? '團體訓練' : '其他推廣訓練';
};
