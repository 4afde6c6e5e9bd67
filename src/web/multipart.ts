/**
 * File uploads (multipart/form-data) for the back office's forms: catalogue attachments and
 * published reports to check. Every part is read into memory within fixed limits before the
 * route runs, so the CSRF check (preValidation, see auth.ts) sees the form's `_csrf` field the
 * same way it does for an ordinary form; `readMultipart` turns the parsed body into plain
 * fields and files. Too large or too many files end in a Chinese message and a stable code.
 */
import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

export const UPLOAD_LIMITS = {
  /** Per file: the largest annual-report PDFs and scanned attachments offices publish. */
  fileSize: 20 * 1024 * 1024,
  files: 20,
  fields: 200,
  fieldSize: 256 * 1024,
} as const;

export interface UploadedFile {
  /** The form field the file came in. */
  field: string;
  /** The name on the citizen's or clerk's machine (no path). */
  filename: string;
  mimetype: string;
  data: Buffer;
}

export interface MultipartForm {
  /** Text fields; a field given more than once keeps every value in order. */
  fields: Record<string, string | string[]>;
  /** Files actually chosen (an empty file input sends a nameless, empty part: dropped). */
  files: UploadedFile[];
}

type Part = (MultipartFile & { value?: Buffer }) | MultipartValue<unknown>;

export async function registerMultipart(app: FastifyInstance): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: UPLOAD_LIMITS,
    // Read each file now (within the limits) so the body is complete before the CSRF check.
    async onFile(part) {
      (part as MultipartFile & { value?: Buffer }).value = await part.toBuffer();
    },
  });
}

/** The value of a text field of a parsed multipart body, as the CSRF check needs it. */
export function multipartFieldValue(field: unknown): unknown {
  const first = Array.isArray(field) ? field[0] : field;
  if (first && typeof first === 'object' && 'type' in first && (first as Part).type === 'field') {
    return (first as MultipartValue<unknown>).value;
  }
  return field;
}

/** Plain fields and files from a body parsed by @fastify/multipart (or an ordinary form body). */
export function readMultipart(body: unknown): MultipartForm {
  const form: MultipartForm = { fields: {}, files: [] };
  if (!body || typeof body !== 'object') return form;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    for (const part of [raw].flat() as unknown[]) {
      if (part && typeof part === 'object' && 'type' in part) {
        const p = part as Part;
        if (p.type === 'file') {
          const data = p.value;
          if (p.filename && data && data.length > 0) {
            form.files.push({ field: name, filename: baseName(p.filename), mimetype: p.mimetype, data });
          }
          continue;
        }
        addField(form.fields, name, String(p.value ?? ''));
      } else if (typeof part === 'string') {
        addField(form.fields, name, part);
      }
    }
  }
  return form;
}

function addField(fields: MultipartForm['fields'], name: string, value: string): void {
  const had = fields[name];
  fields[name] = had === undefined ? value : [had, value].flat();
}

/** Browsers send only the base name, but old ones sent a whole Windows path. */
function baseName(filename: string): string {
  return filename.split(/[\\/]/).pop() ?? filename;
}
