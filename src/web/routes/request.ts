/** Small helpers on requests shared by the route files. */
import type { FastifyRequest } from 'fastify';

/** 适老化 mode is on when the visitor chose it (a cookie set by /mode). */
export function isAccessible(req: FastifyRequest): boolean {
  return /(?:^|;\s*)a11y=1(?:;|$)/.test(req.headers.cookie ?? '');
}

/** A Content-Disposition value for a download named `fileName` (RFC 6266/5987: any characters). */
export function contentDisposition(fileName: string, inline = false): string {
  return `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
