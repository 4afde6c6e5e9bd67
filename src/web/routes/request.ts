/** Small helpers on requests shared by the route files. */
import type { FastifyRequest } from 'fastify';

/** 适老化 mode is on when the visitor chose it (a cookie set by /mode). */
export function isAccessible(req: FastifyRequest): boolean {
  return /(?:^|;\s*)a11y=1(?:;|$)/.test(req.headers.cookie ?? '');
}
