/**
 * Attaches a file (附件) to a catalogue item. The type is sniffed from the bytes (PDF, DOCX or
 * an image; anything else is refused whatever its name says), the text of a PDF or DOCX is
 * extracted with the importer's readers so that search finds it, and the file is stored as
 * <uploads>/<agency id>/<item id>/<sha256 prefix>.<ext> — never under the name the user gave,
 * which is kept only for display. The row and the item's search document are written in one
 * transaction; a file written for a transaction that fails is removed again.
 */

import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type AttachmentRecord, catalogueRepository } from '../../db/repositories/catalogue.ts';
import { catalogueChanged } from '../../db/repositories/catalogue-generation.ts';
import {
  cleanFileName,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  type SniffedType,
  sniffAttachmentType,
} from '../../domain/catalogue/attachment-type.ts';
import { DomainError } from '../../domain/errors.ts';
import { ReadError, readDocument } from '../../import/read-file.ts';
import type { SourceDocument } from '../../import/source.ts';
import type { Deps } from '../deps.ts';
import { indexItem, searchIndexOf } from './index-item.ts';

export const DEFAULT_UPLOADS_DIR = 'data/uploads';

export interface NewAttachment {
  fileName: string;
  bytes: Uint8Array;
}

export interface AddAttachmentResult {
  attachment: AttachmentRecord;
  /** The text extracted (empty for images and for PDFs without a text layer). */
  extractedText: string;
  /** Why no text could be extracted from a PDF or DOCX (a scan, an encrypted file); null otherwise. */
  textNote: string | null;
}

/** Every cell of every line, a line per row, merged cells once (their copies share an origin). */
export function documentText(doc: SourceDocument): string {
  return doc.lines
    .map((line) => {
      const seen = new Set<string>();
      const cells: string[] = [];
      for (const cell of line.cells) {
        if (seen.has(cell.origin)) continue;
        seen.add(cell.origin);
        if (cell.text.trim() !== '') cells.push(cell.text.trim());
      }
      return cells.join(' ');
    })
    .filter((text) => text !== '')
    .join('\n');
}

async function extractText(
  bytes: Uint8Array,
  type: SniffedType,
  fileName: string,
): Promise<{ text: string; note: string | null }> {
  if (type.kind === 'image') return { text: '', note: null };
  try {
    return { text: documentText(await readDocument(bytes, fileName)), note: null };
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    // A damaged file is refused; a scan or an encrypted PDF is kept, without text to search.
    if (error.code === 'read.corrupt') {
      throw new DomainError(
        'catalogue.attachment_unreadable',
        `附件“${fileName}”已损坏：${error.message}`,
        'file',
      );
    }
    return { text: '', note: error.message };
  }
}

/** Adds an attachment to an item and re-indexes the item with the attachment's text. */
export async function addAttachment(
  deps: Deps,
  itemId: number,
  file: NewAttachment,
): Promise<AddAttachmentResult> {
  const fileName = cleanFileName(file.fileName);
  const maxBytes = deps.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  if (file.bytes.length === 0) {
    throw new DomainError('catalogue.attachment_type', `附件“${fileName}”是空文件`, 'file');
  }
  if (file.bytes.length > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new DomainError(
      'catalogue.attachment_size',
      `附件“${fileName}”大小为${mb(file.bytes.length)}MB，超过上限${mb(maxBytes)}MB`,
      'file',
    );
  }
  const type = sniffAttachmentType(file.bytes);
  if (!type) {
    throw new DomainError(
      'catalogue.attachment_type',
      `附件“${fileName}”不是PDF、Word（.docx）文档或图片（PNG、JPEG、GIF、WebP），不能上传`,
      'file',
    );
  }
  const item = await catalogueRepository(deps.db.db).findById(itemId);
  if (!item) throw new DomainError('catalogue.not_found', `未找到编号为${itemId}的目录信息`, 'itemId');

  const { text, note } = await extractText(file.bytes, type, fileName);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const now = deps.clock.now();
  // The time keeps two uploads of the same file apart; the hash makes the name unguessable enough to not collide.
  const storedPath = `${item.agencyId}/${item.id}/${now.getTime().toString(36)}-${sha256.slice(0, 16)}.${type.extension}`;
  const uploadsDir = resolve(deps.uploadsDir ?? DEFAULT_UPLOADS_DIR);
  const target = join(uploadsDir, storedPath);
  await mkdir(join(uploadsDir, String(item.agencyId), String(item.id)), { recursive: true });
  await writeFile(target, file.bytes, { flag: 'wx' });
  try {
    const index = searchIndexOf(deps);
    const attachment = await deps.db.db.transaction().execute(async (trx) => {
      const items = catalogueRepository(trx);
      const saved = await items.insertAttachment(
        {
          itemId: item.id,
          fileName,
          mediaType: type.mediaType,
          sizeBytes: file.bytes.length,
          sha256,
          storedPath,
          extractedText: text,
        },
        now.toISOString(),
      );
      await indexItem(index, trx, item);
      return saved;
    });
    // After the commit: pages rendered from here on see the change (db/repositories/catalogue-generation.ts).
    catalogueChanged();
    return { attachment, extractedText: text, textNote: note };
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}
