import { describe, expect, it } from 'vitest';
import { RENDER_TARGETS, renderReport } from '../../src/render/index.ts';
import { buildReport, ninghaiReport } from './reports.ts';

describe('renderReport', () => {
  it('gives each target its body, content type and extension', async () => {
    const report = ninghaiReport();
    const magic: Record<string, string> = { docx: 'PK', xlsx: 'PK', pdf: '%PDF' };
    for (const to of RENDER_TARGETS) {
      const out = await renderReport(report, to, { findings: [], file: 'x.txt' });
      expect(out.extension).toBe(to);
      expect(out.contentType).toMatch(/^(text|application)\//);
      if (typeof out.body === 'string') {
        expect(['html', 'json', 'csv']).toContain(to);
      } else {
        expect(out.body.subarray(0, magic[to]?.length).toString('latin1')).toBe(magic[to]);
      }
    }
  });

  it('renders a format2021 report to every target', async () => {
    const report = buildReport('2021');
    report.table3.other_2 = { ...report.table3.other_2!, legal: 1, total: 1 };
    for (const to of RENDER_TARGETS) {
      const out = await renderReport(report, to);
      expect(out.body.length).toBeGreaterThan(100);
    }
  });

  it('makes a whole HTML document unless asked for a fragment', async () => {
    const report = ninghaiReport();
    expect(String((await renderReport(report, 'html')).body)).toMatch(/^<!DOCTYPE html>/);
    expect(String((await renderReport(report, 'html', { standalone: false })).body)).toMatch(/^<article/);
  });
});
