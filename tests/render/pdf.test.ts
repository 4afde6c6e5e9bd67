import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { table3Grid } from '../../src/render/grid.ts';
import { renderReportPdf } from '../../src/render/pdf.ts';
import { fontSource, resolvePdfFonts } from '../../src/render/pdf-fonts.ts';
import { drawTable } from '../../src/render/pdf-table.ts';
import { ninghaiReport } from './reports.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, pdf: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

describe('renderReportPdf', () => {
  it('makes an A4 PDF with an embedded, subset CJK font', async () => {
    const pdf = await renderReportPdf(ninghaiReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = save('ninghai.pdf', pdf);
    expect(poppler('pdfinfo', file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const fonts = poppler('pdffonts', file).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // name, type…, emb, sub, uni: every font embedded as a subset (ABCDEF+Name).
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+.*\byes\s+yes\s+yes\b/);
    expect(fonts.some((line) => /CJK|ZCOOL/.test(line))).toBe(true);
  });

  it('has the labels and the figures in its text layer', async () => {
    const text = poppler(
      'pdftotext',
      '-layout',
      save('text.pdf', await renderReportPdf(ninghaiReport())),
      '-',
    );
    expect(text.replace(/\s+/g, '')).toContain('2020年宁海县人民政府办公室信息公开工作年度报告');
    expect(text).toContain('本年新收政府信息公开申请数量');
    expect(text).toContain('四、结转下年度继续办理');
    expect(text).toContain('六、其他需要报告的事项');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量\s+31\s+31/);
    expect(text).toMatch(/（七）总计\s+29\s+29/);
    expect(text).toMatch(/政府集中采购\s+167\s+38/);
  });

  it('falls back to the bundled font when the machine has no CJK font', async () => {
    const fonts = resolvePdfFonts([]);
    expect(fonts.isFallback).toBe(true);
    const file = save('fallback.pdf', await renderReportPdf(ninghaiReport(), { fonts }));
    expect(poppler('pdffonts', file)).toMatch(/\+ZCOOLXiaoWei-Regular\s.*yes\s+yes\s+yes/);
    expect(poppler('pdftotext', file, '-')).toContain('本年新收政府信息公开申请数量');
  });

  it('breaks a table taller than the page between rows, repeating its header', async () => {
    const doc = new PDFDocument({ size: [595, 420], margins: { top: 30, bottom: 30, left: 40, right: 40 } });
    const fonts = resolvePdfFonts();
    doc.registerFont('body', fontSource(fonts.body), fonts.body.family);
    const done = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
    });
    drawTable(
      doc,
      table3Grid(ninghaiReport()),
      { font: 'body', fontSize: 9, padding: 2, lineWidth: 0.5 },
      null,
    );
    doc.end();
    const file = save('split.pdf', await done);
    const pages = poppler('pdftotext', '-layout', file, '-')
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('申请人情况');
    // （三）不予公开 and its eight rows are kept on one page.
    const denied = pages.filter((p) => /属于国家秘密|属于行政查询事项/.test(p));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatch(/属于国家秘密[\s\S]*属于行政查询事项/);
    expect(pages.at(-1)).toContain('四、结转下年度继续办理');
  });

  it('numbers its pages', async () => {
    const file = save('pages.pdf', await renderReportPdf(ninghaiReport()));
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))?.[1]);
    expect(pages).toBeGreaterThan(3);
    const last = poppler('pdftotext', '-f', String(pages), '-l', String(pages), file, '-');
    expect(last).toMatch(new RegExp(`—\\s*${pages}\\s*—`));
  });
});
