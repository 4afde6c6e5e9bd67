/**
 * The portal's editable column pages and their small markup. A page body is plain text: a
 * line starting with "## " is a heading, lines starting with "- " form a list, other lines
 * are paragraphs (a blank line or a heading ends a list). Nothing else is interpreted and
 * the portal renders every block escaped, so no HTML typed by an editor ever reaches a page.
 */
import type { PortalPageKind } from '../../db/repositories/portal-pages.ts';

export type { PortalPageKind } from '../../db/repositories/portal-pages.ts';

export const PORTAL_PAGE_KINDS = ['guide', 'rules'] as const satisfies readonly PortalPageKind[];

export const PORTAL_PAGE_LABELS: Record<PortalPageKind, string> = {
  guide: '政府信息公开指南',
  rules: '政府信息公开制度',
};

/** The public address of each kind: /guide/CODE, /rules/CODE. */
export const PORTAL_PAGE_PATHS: Record<PortalPageKind, string> = { guide: '/guide', rules: '/rules' };

export function isPortalPageKind(value: unknown): value is PortalPageKind {
  return typeof value === 'string' && (PORTAL_PAGE_KINDS as readonly string[]).includes(value);
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] };

/** The blocks of a page body, in order. */
export function parseBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let list: string[] | null = null;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('- ') || line.startsWith('－ ')) {
      if (!list) {
        list = [];
        blocks.push({ type: 'list', items: list });
      }
      list.push(line.slice(2).trim());
      continue;
    }
    list = null;
    if (line === '') continue;
    if (line.startsWith('## ')) blocks.push({ type: 'heading', text: line.slice(3).trim() });
    else blocks.push({ type: 'paragraph', text: line });
  }
  return blocks;
}

/**
 * What Regulation art. 12 requires a guide to contain, each with words whose presence shows
 * it is there: 政府信息的分类、编排体系、获取方式，政府信息公开工作机构的名称、办公地址、办公时间、
 * 联系电话、传真号码、互联网联系方式.
 */
export const GUIDE_ELEMENTS: readonly { label: string; words: readonly string[] }[] = [
  { label: '政府信息的分类', words: ['分类'] },
  { label: '编排体系', words: ['编排'] },
  { label: '获取方式', words: ['获取'] },
  { label: '政府信息公开工作机构名称', words: ['工作机构', '受理机构'] },
  { label: '办公地址', words: ['办公地址', '地址'] },
  { label: '办公时间', words: ['办公时间'] },
  { label: '联系电话', words: ['电话'] },
  { label: '传真号码', words: ['传真'] },
  { label: '互联网联系方式', words: ['网址', '电子邮箱', '互联网'] },
];

/** The art. 12 elements a guide's text does not mention (a reminder for the editor, not a refusal). */
export function missingGuideElements(body: string): string[] {
  return GUIDE_ELEMENTS.filter((e) => !e.words.some((w) => body.includes(w))).map((e) => e.label);
}
