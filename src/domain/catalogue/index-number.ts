/**
 * 索引号 (index number), per 《政府信息公开目录系统实施指引（试行）》 (glossary §5.1):
 * "每条政府公开信息的标识符…是每条信息唯一不变的标识，一经生成不因发布机构变更而更改。索引号采用
 * “前段码/后段码”的格式…前段码为信息发布单位的组织机构代码…（在使用中应略去“-”）…后段码为“4位年份数字”
 * 加上“5位数字流水号”中间用“-”链接。"
 *
 * We generate only that 20-character form, `AAAAAAAAA/YYYY-NNNNN`. Portals print many other
 * forms (glossary §5.2); importing keeps the printed string and parses what can be parsed:
 * an 18-character unified social credit code as the front part, the organisation code's
 * hyphen kept, `-` instead of `/`, a year+month, a 6- or 7-digit serial, a pinyin agency code.
 */

/** The guideline's form, the only one generated. */
export const INDEX_NUMBER_PATTERN = /^[0-9A-Z]{9}\/\d{4}-\d{5}$/;

/** 8 digits or capital letters and a check character (which may be X), hyphen omitted. */
export const ORG_CODE_PATTERN = /^[0-9A-Z]{9}$/;

/** The largest serial the five digits hold. */
export const MAX_SERIAL = 99_999;

/** What kind of code the front part is. */
export type FrontKind = 'organisation_code' | 'credit_code' | 'local';

export interface ParsedIndexNumber {
  /** As printed (trimmed). */
  printed: string;
  /** The front part as printed, without its hyphen and upper-cased when it is an official code. */
  front: string;
  frontKind: FrontKind;
  /** The 9-character organisation code, when the front part holds one (a credit code embeds it at 9–17). */
  orgCode: string | null;
  year: number;
  /** 1–12 when the number has a year+month (`202110-00013`). */
  month: number | null;
  serial: number;
  /** True for the guideline's 20-character form. */
  isGuidelineForm: boolean;
}

export interface IndexNumberFinding {
  rule: 'index_number.unparsed' | 'index_number.variant';
  severity: 'warning' | 'info';
  message: string;
}

/** `AAAAAAAAA/YYYY-NNNNN` from an organisation code, a year and a serial. */
export function formatIndexNumber(orgCode: string, year: number, serial: number): string {
  if (!ORG_CODE_PATTERN.test(orgCode))
    throw new RangeError(`organisation code "${orgCode}" is not 9 characters`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL)
    throw new RangeError(`serial ${serial}`);
  return `${orgCode}/${year}-${String(serial).padStart(5, '0')}`;
}

/**
 * The organisation code an agency's numbers start with, from what an office types: a
 * 9-character code with or without its hyphen (`01424668-5`), or an 18-character unified
 * social credit code, whose characters 9–17 are the organisation code (GB 32100-2015).
 */
export function normalizeOrgCode(input: string): string | null {
  const compact = input.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  const nine = compact.replace(/^([0-9A-Z]{8})-([0-9A-Z])$/, '$1$2');
  if (ORG_CODE_PATTERN.test(nine)) return nine;
  if (/^[0-9A-Z]{18}$/.test(compact)) return compact.slice(8, 17);
  return null;
}

// front part [/ or -] year [month] - serial; the front part is tried as an official code first.
const VARIANT =
  /^(?<front>[0-9A-Za-z]{8}-?[0-9A-Za-z]|[0-9A-Za-z]{18}|[0-9A-Za-z]+)[/-](?<year>\d{4})(?<month>\d{2})?-(?<serial>\d{1,9})$/;

/** Parses a printed index number of any form seen on portals; never throws. */
export function parseIndexNumber(input: string): {
  value: ParsedIndexNumber | null;
  findings: IndexNumberFinding[];
} {
  const printed = input.trim();
  const text = printed.normalize('NFKC').replace(/\s+/g, '');
  const match = VARIANT.exec(text);
  const month = match?.groups?.month ? Number(match.groups.month) : null;
  if (!match?.groups || (month !== null && (month < 1 || month > 12))) {
    return {
      value: null,
      findings: [
        {
          rule: 'index_number.unparsed',
          severity: 'warning',
          message: `索引号“${printed}”不是“前段码/年份-流水号”的形式，已按原样保存`,
        },
      ],
    };
  }
  const { front: rawFront, year, serial } = match.groups as { front: string; year: string; serial: string };
  const official = rawFront.replace('-', '').toUpperCase();
  let frontKind: FrontKind = 'local';
  let orgCode: string | null = null;
  if (/^[0-9A-Z]{9}$/.test(official) && /\d/.test(official)) {
    frontKind = 'organisation_code';
    orgCode = official;
  } else if (/^[0-9A-Z]{18}$/.test(official) && /\d/.test(official)) {
    frontKind = 'credit_code';
    orgCode = official.slice(8, 17);
  }
  const value: ParsedIndexNumber = {
    printed,
    front: frontKind === 'local' ? rawFront : official,
    frontKind,
    orgCode,
    year: Number(year),
    month,
    serial: Number(serial),
    isGuidelineForm: INDEX_NUMBER_PATTERN.test(text),
  };
  return {
    value,
    findings: value.isGuidelineForm
      ? []
      : [
          {
            rule: 'index_number.variant',
            severity: 'info',
            message: `索引号“${printed}”不是《政府信息公开目录系统实施指引（试行）》规定的20位格式，已按原样保存`,
          },
        ],
  };
}
