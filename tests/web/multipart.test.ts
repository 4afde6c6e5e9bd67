import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenFor, registerAuth } from '../../src/web/auth.ts';
import { readMultipart, UPLOAD_LIMITS } from '../../src/web/multipart.ts';
import { multipartBody } from '../helpers/multipart.ts';
import { firstCookie, startTestApp, type TestApp } from '../helpers/web.ts';

describe('multipart uploads', () => {
  let t: TestApp;
  const app = Fastify();
  beforeAll(async () => {
    t = await startTestApp();
    await registerAuth(app, t.deps);
    app.get('/form', async (req, reply) => ({ token: csrfTokenFor(req, reply) }));
    app.post('/upload', async (req) => {
      const form = readMultipart(req.body);
      return {
        fields: form.fields,
        files: form.files.map((f) => ({ field: f.field, filename: f.filename, size: f.data.length })),
      };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const tokenAndCookie = async () => {
    const res = await app.inject('/form');
    return { token: res.json<{ token: string }>().token, cookie: firstCookie(res.headers['set-cookie']) };
  };

  it('accepts a form with its CSRF token and gives fields and files (base name only, empty parts dropped)', async () => {
    const { token, cookie } = await tokenAndCookie();
    const body = multipartBody({ _csrf: token, title: '关于公布2020年度报告的通知', tag: 'a' }, [
      { field: 'files', name: 'C:\\Users\\文员\\年报.docx', data: Buffer.from('PK fake docx bytes') },
      { field: 'files', name: 'b.pdf', data: Buffer.from('%PDF-1.4') },
      { field: 'files', name: '', data: Buffer.alloc(0) },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(200);
    const out = res.json<{ fields: Record<string, string>; files: { filename: string; size: number }[] }>();
    expect(out.fields.title).toBe('关于公布2020年度报告的通知');
    expect(out.files).toEqual([
      { field: 'files', filename: '年报.docx', size: 18 },
      { field: 'files', filename: 'b.pdf', size: 8 },
    ]);
  });

  it('refuses an upload without a valid CSRF token and stores nothing', async () => {
    const { cookie } = await tokenAndCookie();
    const body = multipartBody({ _csrf: 'forged.token' }, [
      { field: 'f', name: 'a.pdf', data: Buffer.from('x') },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { cookie, 'content-type': body.contentType, accept: 'application/json' },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('auth.csrf');
  });

  it('answers a file over the limit with upload.too_large and a Chinese message', async () => {
    const page = await t.app.inject('/admin/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const big = Buffer.alloc(UPLOAD_LIMITS.fileSize + 1, 1);
    const body = multipartBody({ _csrf: token }, [{ field: 'f', name: 'big.pdf', data: big }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: {
        cookie: firstCookie(page.headers['set-cookie']),
        'content-type': body.contentType,
        accept: 'application/json',
      },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(413);
    const error = res.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('upload.too_large');
    expect(error.message).toContain('20MB');
  });
});
