import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import { REMEDIES_TEXT } from '../../src/domain/letters/basis.ts';
import { actOnApplication } from '../../src/services/applications/act-on-application.ts';
import { registerApplication } from '../../src/services/applications/register-application.ts';
import { renderReplyLetter, saveLetterTemplate } from '../../src/services/applications/reply-letter.ts';
import type { Deps } from '../../src/services/deps.ts';
import { buildAgency, buildApplicationInput, buildDeps } from '../helpers/builders.ts';
import { describeEachEngine } from '../helpers/databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-letter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const documentXml = (docx: Buffer): string => {
  const xml = unzipSync(new Uint8Array(docx))['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  return strFromU8(xml);
};

/** pdftotext's text with line breaks and spaces removed, radicals folded (ARCHITECTURE "Known traps"). */
function pdfText(pdf: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    .normalize('NFKC')
    .replaceAll('\u2ea0', '民')
    .replace(/\s+/g, '');
}

/** A case answered with `outcome` on 2021-03-26. */
async function answeredCase(deps: Deps, agencyName: string, outcome: string) {
  const app = await registerApplication(
    deps,
    buildApplicationInput(agencyName, { submittedOn: '2021-03-05', applicantName: '王某某' }),
  );
  const act = (action: string, extra: Record<string, unknown> = {}) =>
    actOnApplication(deps, { applicationId: app.id, action, effectiveOn: '2021-03-26', ...extra });
  await act('draft_reply', { outcome });
  await act('approve_reply');
  await act('send_reply');
  return app;
}

describeEachEngine('reply letters (告知书)', (ctx) => {
  it('writes a DOCX letter citing the outcome’s article and stating the remedies, with the case’s facts', async () => {
    const agency = await buildAgency(ctx.db, { name: '宁海县示例局' });
    const deps = buildDeps(ctx.db, '2021-03-31');
    const app = await answeredCase(deps, agency.name, 'denied_5');
    const xml = documentXml(await renderReplyLetter(deps, app.id, 'docx'));
    expect(xml).toContain('政府信息公开申请答复书');
    expect(xml).toContain('《中华人民共和国政府信息公开条例》第十六条第一款');
    expect(xml).toContain(REMEDIES_TEXT);
    for (const fact of [
      '王某某：',
      app.trackingNumber,
      '2021年3月5日',
      '2020年某路段改造工程的立项批复',
      '宁海县示例局',
      '2021年3月26日',
    ])
      expect(xml).toContain(fact);
    expect(xml).toContain('仿宋_GB2312');
  });

  it('writes a PDF letter whose text layer has the article and the remedies', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    const app = await answeredCase(deps, agency.name, 'unable_1');
    const pdf = await renderReplyLetter(deps, app.id, 'pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('第三十六条第（四）项'.normalize('NFKC'));
    expect(text).toContain(REMEDIES_TEXT.normalize('NFKC'));
    expect(text).toContain(app.trackingNumber);
    expect(text).toContain(agency.name);
  });

  it('uses the agency’s own template for the outcome instead of the default, and the default elsewhere', async () => {
    const agency = await buildAgency(ctx.db);
    const other = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    const saved = await saveLetterTemplate(deps, {
      agency: agency.code,
      outcome: 'granted',
      title: '{{agency_name}}政府信息公开答复',
      body: '{{applicant_name}}：\n你单位申请的“{{request}}”（编号{{tracking_number}}）依据{{basis}}予以公开，请于十日内到本局政务大厅领取。\n{{remedies}}',
      actor: '办公室',
    });
    expect(saved).toMatchObject({ agencyId: agency.id, outcome: 'granted', updatedBy: '办公室' });
    const own = documentXml(
      await renderReplyLetter(deps, (await answeredCase(deps, agency.name, 'granted')).id, 'docx'),
    );
    expect(own).toContain(`${agency.name}政府信息公开答复`);
    expect(own).toContain('请于十日内到本局政务大厅领取');
    expect(own).not.toContain('政府信息公开申请答复书');
    const fallback = documentXml(
      await renderReplyLetter(deps, (await answeredCase(deps, other.name, 'granted')).id, 'docx'),
    );
    expect(fallback).toContain('政府信息公开申请答复书');
    // Saving again replaces the template (one per agency and outcome).
    await saveLetterTemplate(deps, {
      agency: agency.code,
      outcome: 'granted',
      title: '第二版',
      body: '{{remedies}}',
    });
    const again = documentXml(
      await renderReplyLetter(deps, (await answeredCase(deps, agency.name, 'granted')).id, 'docx'),
    );
    expect(again).toContain('第二版');
  });

  it('refuses a template with an unknown placeholder, naming it, or one without the remedies', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    await expect(
      saveLetterTemplate(deps, {
        agency: agency.name,
        outcome: 'denied_4',
        title: '答复书',
        body: '{{applicant_name}}：请致电{{联系电话}}。{{remedies}}',
      }),
    ).rejects.toMatchObject({
      code: 'validation.invalid',
      field: 'body',
      message: expect.stringContaining('未知的占位符“{{联系电话}}”'),
    });
    await expect(
      saveLetterTemplate(deps, {
        agency: agency.name,
        outcome: 'denied_4',
        title: '答复书',
        body: '特此告知。',
      }),
    ).rejects.toMatchObject({
      code: 'validation.invalid',
      field: 'body',
      message: expect.stringContaining('救济途径'),
    });
  });

  it('refuses a letter for a case without an outcome yet', async () => {
    const agency = await buildAgency(ctx.db);
    const deps = buildDeps(ctx.db, '2021-03-31');
    const app = await registerApplication(
      deps,
      buildApplicationInput(agency.name, { submittedOn: '2021-03-05' }),
    );
    await expect(renderReplyLetter(deps, app.id, 'pdf')).rejects.toMatchObject({
      code: 'letter.no_outcome',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });
});
