/**
 * From bytes to a SourceDocument, whatever the file: the kind is sniffed from the content
 * (a published report is often saved with the wrong extension, e.g. an .html page named
 * .doc), and text is decoded from UTF-8, UTF-16 with a byte-order mark, or GB18030/GBK.
 * Anything that is not a readable report throws a ReadError with a stable code.
 */
import { unzipSync } from 'fflate';
import { ReadError } from './read-error.ts';
import { readDocx } from './readers/docx.ts';
import { readHtml } from './readers/html.ts';
import { readPdf } from './readers/pdf.ts';
import { readText } from './readers/text.ts';
import type { SourceDocument } from './source.ts';

export { ReadError, type ReadErrorCode } from './read-error.ts';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

/** True when the bytes `signature` occur anywhere before `to` (a byte search: no string is built). */
function containsBytes(bytes: Uint8Array, signature: readonly number[], to: number): boolean {
  const last = Math.min(to, bytes.length) - signature.length;
  for (let i = 0; i <= last; i += 1) {
    if (bytes[i] === signature[0] && startsWith(bytes, signature, i)) return true;
  }
  return false;
}

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Binary formats we recognise but cannot read, with what to tell the user. */
const UNSUPPORTED: { signature: number[]; message: string }[] = [
  {
    signature: [0x89, 0x50, 0x4e, 0x47],
    message: '这是一张 PNG 图片，不是年度报告文件；请提供 PDF、Word（.docx）、网页或文本版本',
  },
  {
    signature: [0xff, 0xd8, 0xff],
    message: '这是一张 JPEG 图片，不是年度报告文件；请提供 PDF、Word（.docx）、网页或文本版本',
  },
  { signature: [0x47, 0x49, 0x46, 0x38], message: '这是一张 GIF 图片，不是年度报告文件' },
  { signature: [0x42, 0x4d], message: '这是一张 BMP 图片，不是年度报告文件' },
  {
    signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    message: '这是旧版 Office 文件（.doc/.xls/.wps），暂不支持；请另存为 .docx 或 PDF 后再导入',
  },
  {
    signature: [0x7b, 0x5c, 0x72, 0x74, 0x66],
    message: '这是 RTF 文件，暂不支持；请另存为 .docx 或 PDF 后再导入',
  },
  { signature: [0x52, 0x61, 0x72, 0x21], message: '这是 RAR 压缩包，请先解压再导入其中的报告文件' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], message: '这是 7z 压缩包，请先解压再导入其中的报告文件' },
  { signature: [0x1f, 0x8b], message: '这是 gzip 压缩文件，请先解压再导入其中的报告文件' },
];

/** Reads a report file of any supported kind (PDF, DOCX, HTML, text). `name` is used in messages only. */
export async function readDocument(bytes: Uint8Array, name?: string): Promise<SourceDocument> {
  const label = name ? `“${name}”` : '';
  if (bytes.length === 0) throw new ReadError('read.empty', `文件${label}是空的`);
  // %PDF may follow a little junk (the format allows it within the first 1024 bytes).
  if (containsBytes(bytes, PDF_SIGNATURE, 1024)) return readPdf(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return readZip(bytes, label);
  }
  for (const u of UNSUPPORTED) {
    if (startsWith(bytes, u.signature))
      throw new ReadError('read.unsupported', `文件${label}无法导入：${u.message}`);
  }
  const text = decodeText(bytes, label);
  if (text.trim() === '') throw new ReadError('read.empty', `文件${label}没有任何文字内容`);
  if (looksLikeHtml(text)) return readHtml(text);
  return readText(text);
}

function readZip(bytes: Uint8Array, label: string): SourceDocument {
  let names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch (cause) {
    throw new ReadError(
      'read.corrupt',
      `文件${label}是损坏的压缩包（DOCX 文件无法解开），请重新下载后再导入`,
      { cause },
    );
  }
  if (names.includes('word/document.xml')) return readDocx(bytes);
  names = names.map((n) => n.toLowerCase());
  const what = names.includes('ofd.xml')
    ? 'OFD 版式文件，暂不支持；请提供 PDF 或 Word 版本'
    : names.some((n) => n.startsWith('xl/'))
      ? 'Excel 表格（.xlsx），不是年度报告文档'
      : names.some((n) => n.startsWith('ppt/'))
        ? 'PowerPoint 演示文稿，不是年度报告文档'
        : '压缩包，其中没有 Word 文档（word/document.xml）；请先解压再导入其中的报告文件';
  throw new ReadError('read.unsupported', `文件${label}无法导入：这是${what}`);
}

/**
 * UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (a superset of GBK and GB2312, still
 * common on county portals) when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array, label = ''): string {
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = STRICT_UTF8.decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  if (looksBinary(text)) {
    throw new ReadError(
      'read.unsupported',
      `文件${label}不是文本，也不是可识别的 PDF、Word 或网页文件，无法导入`,
    );
  }
  return text;
}

/**
 * One strict decoder for every call: `decode` without `stream` keeps no state between calls,
 * and building a TextDecoder per file costs more than decoding a small page.
 */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const BAD_CHARACTER_RE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/;

/** Control characters (other than tab, newlines, form feed) and replacement characters mean binary data. */
function looksBinary(text: string): boolean {
  const length = Math.min(text.length, 20000);
  const sample = text.length > length ? text.slice(0, length) : text;
  // Text almost never holds one: a regex scan says so faster than the loop below.
  if (!BAD_CHARACTER_RE.test(sample)) return false;
  // UTF-16 code units, not code points: every bad character is in the BMP, and a surrogate is
  // never one of them, so the count is the same and no iterator runs over 20,000 characters.
  let bad = 0;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || c === 0x7f)
      bad += 1;
  }
  return bad > Math.max(2, length * 0.01);
}

/**
 * Case-insensitive patterns instead of lower-casing the whole text: the tag names are ASCII,
 * and no non-ASCII character folds to the ASCII letters they use.
 */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]/i.test(head)) return true;
  return /<table[\s>]/i.test(text) && /<t[dr][\s>]/i.test(text);
}
