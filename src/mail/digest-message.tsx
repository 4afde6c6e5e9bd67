/**
 * The morning digest as people read it: the subject, a plain-text body and an HTML body of the
 * e-mail, and the sections the back-office page /admin/digest shows (the same content).
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { IsoDate } from '../domain/calendar/index.ts';
import { WEEKDAY_NAMES, weekdayOf } from '../domain/calendar/index.ts';
import { chineseDate } from '../domain/letters/templates.ts';
import {
  DIGEST_HORIZON_WORKING_DAYS,
  type Digest,
  type DigestCaseLine,
  type DigestDraftLine,
  type DigestWindowLine,
  isEmptyDigest,
  WINDOW_LABELS,
} from '../services/digest/build-digest.ts';

/** Lines listed per section; the rest are counted and left to the 工作台. */
export const DIGEST_LIST_LIMIT = 50;

const ORDINALS = ['一', '二', '三', '四', '五', '六'];

const withWeekday = (date: IsoDate) => `${chineseDate(date)}（${WEEKDAY_NAMES[weekdayOf(date)]}）`;

const caseStatus = (n: number | null) =>
  n === null ? '' : n < 0 ? `已逾期${-n}个工作日` : n === 0 ? '今日到期' : `还剩${n}个工作日`;
const windowStatus = (n: number) =>
  n < 0 ? `已届满${-n}个工作日` : n === 0 ? '今日届满' : `${n}个工作日后届满`;
const draftStatus = (n: number) =>
  n < 0 ? `已超过公开期限${-n}个工作日` : n === 0 ? '今日为最后期限' : `还剩${n}个工作日`;

type Section =
  | { key: 'overdue' | 'dueToday' | 'dueSoon' | 'awaitingReview'; kind: 'cases'; lines: DigestCaseLine[] }
  | { key: 'windows'; kind: 'windows'; lines: DigestWindowLine[] }
  | { key: 'drafts'; kind: 'drafts'; lines: DigestDraftLine[] };

interface SectionText {
  id: string;
  title: string;
  /** A line under the heading. */
  note?: string;
  /** For the subject: "逾期2件". */
  count: (n: number) => string;
}

function sectionText(key: Section['key'], digest: Digest): SectionText {
  switch (key) {
    case 'overdue':
      return { id: 'digest-overdue', title: '已逾期', count: (n) => `逾期${n}件` };
    case 'dueToday':
      return { id: 'digest-today', title: '今日到期', count: (n) => `今日到期${n}件` };
    case 'dueSoon':
      return {
        id: 'digest-soon',
        title: `${DIGEST_HORIZON_WORKING_DAYS}个工作日内到期`,
        note: `答复期限在${chineseDate(digest.horizon)}（含）以前。`,
        count: (n) => `${DIGEST_HORIZON_WORKING_DAYS}个工作日内到期${n}件`,
      };
    case 'awaitingReview':
      return { id: 'digest-review', title: '答复待审核', count: (n) => `待审核${n}件` };
    case 'windows':
      return {
        id: 'digest-windows',
        title: '补正、征求意见、缴费期限届满',
        count: (n) => `补正等期限届满${n}件`,
      };
    case 'drafts':
      return {
        id: 'digest-drafts',
        title: '主动公开信息临近或超过公开期限（条例第二十六条）',
        count: (n) => `待公开信息${n}件`,
      };
  }
}

/** The non-empty sections, in order. */
function sections(d: Digest): Section[] {
  const all: Section[] = [
    { key: 'overdue', kind: 'cases', lines: d.overdue },
    { key: 'dueToday', kind: 'cases', lines: d.dueToday },
    { key: 'dueSoon', kind: 'cases', lines: d.dueSoon },
    { key: 'awaitingReview', kind: 'cases', lines: d.awaitingReview },
    { key: 'windows', kind: 'windows', lines: d.windows },
    { key: 'drafts', kind: 'drafts', lines: d.drafts },
  ];
  return all.filter((s) => s.lines.length > 0);
}

const caseHref = (base: string, id: number) => `${base}/admin/applications/${id}`;
const itemHref = (base: string, id: number) => `${base}/admin/items/${id}`;

/** 【政府信息公开】2026年11月25日待办提醒：逾期2件，今日到期1件 */
export function digestSubject(d: Digest): string {
  const parts = sections(d).map((s) => sectionText(s.key, d).count(s.lines.length));
  return `【政府信息公开】${chineseDate(d.date)}待办提醒：${parts.length > 0 ? parts.join('，') : '今日无待办'}`;
}

/** The plain-text body; links are absolute (`baseUrl` is the site's public address). */
export function digestText(d: Digest, baseUrl: string): string {
  const out: string[] = [`${d.recipient.displayName}，您好：`, ''];
  const list = sections(d);
  if (list.length === 0) out.push(`${withWeekday(d.date)}今日无待办。`, '');
  else out.push(`以下是${withWeekday(d.date)}您负责的政府信息公开待办事项：`, '');
  list.forEach((s, i) => {
    const text = sectionText(s.key, d);
    out.push(`${ORDINALS[i]}、${text.title}（${s.lines.length}件）`);
    if (text.note) out.push(text.note);
    const shown = s.lines.slice(0, DIGEST_LIST_LIMIT);
    shown.forEach((line, n) => {
      const no = `${n + 1}. `;
      const pad = ' '.repeat(no.length);
      if (s.kind === 'drafts') {
        const l = line as DigestDraftLine;
        out.push(`${no}${l.title}（索引号${l.indexNumber}，${l.agencyName}）`);
        out.push(`${pad}公开期限：${l.dueOn}，${draftStatus(l.workingDaysLeft)}`);
        out.push(`${pad}${itemHref(baseUrl, l.itemId)}`);
      } else if (s.kind === 'windows') {
        const l = line as DigestWindowLine;
        out.push(`${no}查询码${l.trackingNumber}，申请人${l.applicant}，${l.agencyName}`);
        out.push(`${pad}${WINDOW_LABELS[l.kind]}：${l.endsOn}，${windowStatus(l.workingDaysLeft)}`);
        out.push(`${pad}${caseHref(baseUrl, l.applicationId)}`);
      } else {
        const l = line as DigestCaseLine;
        out.push(`${no}查询码${l.trackingNumber}，申请人${l.applicant}，${l.agencyName}，${l.stage}`);
        out.push(`${pad}答复期限：${l.dueOn ?? '—'}${l.dueOn ? `，${caseStatus(l.workingDaysLeft)}` : ''}`);
        out.push(`${pad}${caseHref(baseUrl, l.applicationId)}`);
      }
    });
    if (s.lines.length > shown.length)
      out.push(`另有${s.lines.length - shown.length}件未列出，请登录工作台查看。`);
    out.push('');
  });
  out.push(`请登录政府信息公开工作平台办理：${baseUrl}/admin`);
  out.push(`本邮件由系统自动发送，请勿回复。提醒邮箱可在“每日提醒”页面修改：${baseUrl}/admin/digest`);
  return `${out.join('\n')}\n`;
}

/** A digest table: its column headings, then a row per line (the first cell links to the line's page). */
function Rows<T>({
  heads,
  lines,
  cells,
}: {
  heads: readonly string[];
  lines: readonly T[];
  cells: (line: T) => readonly ComponentChildren[];
}) {
  return (
    <>
      <thead>
        <tr>
          {heads.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr>
            {cells(l).map((c) => (
              <td>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}

const caseCells = (base: string) => (l: DigestCaseLine) => [
  <a href={caseHref(base, l.applicationId)}>{l.trackingNumber}</a>,
  l.applicant,
  l.agencyName,
  l.stage,
  l.dueOn ?? '—',
  caseStatus(l.workingDaysLeft),
];
const windowCells = (base: string) => (l: DigestWindowLine) => [
  <a href={caseHref(base, l.applicationId)}>{l.trackingNumber}</a>,
  l.applicant,
  l.agencyName,
  WINDOW_LABELS[l.kind],
  l.endsOn,
  windowStatus(l.workingDaysLeft),
];
const draftCells = (base: string) => (l: DigestDraftLine) => [
  <a href={itemHref(base, l.itemId)}>{l.title}</a>,
  l.indexNumber,
  l.agencyName,
  l.startOn,
  l.dueOn,
  draftStatus(l.workingDaysLeft),
];
const CASE_HEADS = ['查询码', '申请人', '机关', '阶段', '答复期限', '状态'];
const WINDOW_HEADS = ['查询码', '申请人', '机关', '期限', '届满日期', '状态'];
const DRAFT_HEADS = ['标题', '索引号', '机关', '形成或变更之日', '公开期限', '状态'];

/** The digest's sections as HTML (a heading each), or “今日无待办”; `baseUrl` '' gives site-relative links. */
export function DigestSections({
  digest,
  baseUrl,
  headingLevel = 2,
}: {
  digest: Digest;
  baseUrl: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const list = sections(digest);
  if (list.length === 0) return <p id="digest-empty">今日无待办。</p>;
  return (
    <>
      {list.map((s) => {
        const text = sectionText(s.key, digest);
        const more = s.lines.length - DIGEST_LIST_LIMIT;
        return (
          <section aria-labelledby={text.id}>
            <Heading id={text.id}>
              {text.title}（{s.lines.length}件）
            </Heading>
            {text.note ? <p>{text.note}</p> : null}
            <table class="list">
              <caption class="visually-hidden">{text.title}</caption>
              {s.kind === 'cases' ? (
                <Rows
                  heads={CASE_HEADS}
                  lines={s.lines.slice(0, DIGEST_LIST_LIMIT)}
                  cells={caseCells(baseUrl)}
                />
              ) : s.kind === 'windows' ? (
                <Rows
                  heads={WINDOW_HEADS}
                  lines={s.lines.slice(0, DIGEST_LIST_LIMIT)}
                  cells={windowCells(baseUrl)}
                />
              ) : (
                <Rows
                  heads={DRAFT_HEADS}
                  lines={s.lines.slice(0, DIGEST_LIST_LIMIT)}
                  cells={draftCells(baseUrl)}
                />
              )}
            </table>
            {more > 0 ? <p>另有{more}件未列出，请登录工作台查看。</p> : null}
          </section>
        );
      })}
    </>
  );
}

const MAIL_CSS = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937;line-height:1.6}
table.list{border-collapse:collapse;margin:.5rem 0 1rem}
table.list th,table.list td{border:1px solid #d1d5db;padding:.25rem .5rem;text-align:left}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
h2{font-size:1.1rem;margin:1.25rem 0 .25rem}
p.note{color:#4b5563;font-size:.9rem}`;

/** The HTML body: a whole document with the same content as the text body. */
export function digestHtml(d: Digest, baseUrl: string): string {
  const subject = digestSubject(d);
  const empty = isEmptyDigest(d);
  return `<!doctype html>${render(
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
        <style dangerouslySetInnerHTML={{ __html: MAIL_CSS }} />
      </head>
      <body>
        <p>{d.recipient.displayName}，您好：</p>
        {empty ? null : <p>以下是{withWeekday(d.date)}您负责的政府信息公开待办事项：</p>}
        <DigestSections digest={d} baseUrl={baseUrl} />
        <p>
          请登录<a href={`${baseUrl}/admin`}>政府信息公开工作平台</a>办理。
        </p>
        <p class="note">
          本邮件由系统自动发送，请勿回复。提醒邮箱可在<a href={`${baseUrl}/admin/digest`}>“每日提醒”页面</a>
          修改。
        </p>
      </body>
    </html>,
  )}`;
}
