/** Multipart bodies as a browser sends them, for forms with file inputs driven through inject. */

export interface FilePart {
  /** The form field; `files` (the field the back office's upload forms use) when not given. */
  field?: string;
  name: string;
  data: Buffer;
}

export function multipartBody(
  fields: Record<string, string>,
  files: readonly FilePart[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = '----gongkaiTestBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
