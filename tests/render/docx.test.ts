import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/domain/report/formats/index.ts';
import { renderReportDocx } from '../../src/render/docx.ts';
import { buildReport, ninghaiReport } from './reports.ts';

async function unzipDocx(buffer: Buffer): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(buffer));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The text of the document, runs joined within each table cell and paragraph. */
function cellTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe('renderReportDocx', () => {
  it('writes every table label of the format into word/document.xml', async () => {
    const report = ninghaiReport();
    const xml = (await unzipDocx(await renderReportDocx(report)))['word/document.xml'] ?? '';
    const texts = new Set(cellTexts(xml));
    const format = FORMATS[report.format];
    const labels = [
      ...format.table2.flatMap((g) => [g.label, ...g.rows.map((r) => r.label)]),
      ...format.table3.rows.map((r) => r.label),
      ...format.table3.rows.flatMap((r) => (r.parent ? [r.parent] : [])),
      '三、本年度办理结果',
      '申请人情况',
      '法人或其他组织',
      '未经复议直接起诉',
      '复议后起诉',
      '采购总金额（万元）',
    ];
    expect(labels.filter((l) => !texts.has(l))).toEqual([]);
    expect(texts.has('2020年宁海县人民政府办公室信息公开工作年度报告')).toBe(true);
    expect(texts.has('一、总体情况')).toBe(true);
  });

  it('merges header cells with vMerge and gridSpan as the printed form does', async () => {
    const xml = (await unzipDocx(await renderReportDocx(ninghaiReport())))['word/document.xml'] ?? '';
    // Table 3: corner, 自然人, 总计, 三、本年度办理结果, （三）（四）（五）; table 4: the five 行政复议 columns.
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(12);
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2 + 1 + 1 + 19 + 7 + 2 + 4 + 5);
    expect(xml).toContain('<w:gridSpan w:val="7"/>'); // 申请人情况
    expect(xml).toContain('<w:gridSpan w:val="10"/>'); // 行政诉讼
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('merges （六）其他处理 over three rows in a format2021 report', async () => {
    const xml = (await unzipDocx(await renderReportDocx(buildReport('2021'))))['word/document.xml'] ?? '';
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(13);
    expect(cellTexts(xml)).toContain('（六）其他处理');
  });

  it('sets A4 with the margins of 党政机关公文格式 and the official fonts with fallbacks', async () => {
    const files = await unzipDocx(await renderReportDocx(ninghaiReport()));
    const xml = files['word/document.xml'] ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    for (const font of ['方正小标宋简体', '黑体', '仿宋_GB2312'])
      expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(files['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('leaves blank cells without text', async () => {
    const xml = (await unzipDocx(await renderReportDocx(buildReport('2019'))))['word/document.xml'] ?? '';
    expect(xml).not.toMatch(/<w:t(?: [^>]*)?>0<\/w:t>/);
  });
});
