/**
 * What an attachment (附件) really is, from its first bytes, never from its name: portals
 * receive Word files renamed .pdf and executables renamed .docx alike. Accepted are PDF,
 * DOCX and images (PNG, JPEG, GIF, WebP); the stored media type is the sniffed one.
 */
import { unzipSync } from 'fflate';

export const ATTACHMENT_KINDS = ['pdf', 'docx', 'image'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface SniffedType {
  kind: AttachmentKind;
  mediaType: string;
  /** The extension the stored file gets. */
  extension: string;
}

/** 20 MB: a long scanned PDF fits, a video does not. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const starts = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** A ZIP whose entries include word/document.xml (an .xlsx or plain .zip is not a DOCX). */
function isDocx(bytes: Uint8Array): boolean {
  let found = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (file.name === 'word/document.xml') found = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return found;
}

/** The accepted type of `bytes`, or null when they are none of PDF, DOCX or an image. */
export function sniffAttachmentType(bytes: Uint8Array): SniffedType | null {
  // %PDF- may follow a little junk within the first 1024 bytes (ISO 32000-1 §7.5.2 note).
  if (ascii(bytes, 0, 1024).includes('%PDF-'))
    return { kind: 'pdf', mediaType: 'application/pdf', extension: 'pdf' };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) && isDocx(bytes)) {
    return {
      kind: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    };
  }
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'image', mediaType: 'image/png', extension: 'png' };
  }
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mediaType: 'image/jpeg', extension: 'jpg' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') {
    return { kind: 'image', mediaType: 'image/gif', extension: 'gif' };
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { kind: 'image', mediaType: 'image/webp', extension: 'webp' };
  }
  return null;
}

/**
 * A file name safe to show and to offer for download: no folders, no control characters,
 * at most 120 characters; the stored file never uses it (see the attachment use case).
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = [...base.normalize('NFC')]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return code >= 0x20 && code !== 0x7f;
    })
    .join('')
    .trim();
  return (cleaned || '附件').slice(0, 120);
}
