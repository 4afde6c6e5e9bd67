/**
 * readDocument / importBytes: the kind of file is sniffed from its bytes, text is decoded from
 * whatever encoding the portal used, and anything unreadable is a ReadError with a stable code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytes, importFile, ReadError, readDocument } from '../../src/import/index.ts';
import { NINGHAI_2020, REPO_ROOT, REPORT_FIXTURES } from '../helpers/fixtures.ts';
import { differences, readExpected } from './compare.ts';

const ninghaiExpected = readExpected('2020-ninghai-county-gov-office');
const ninghaiText = readFileSync(NINGHAI_2020, 'utf8');
const shanghai = (name: string) => path.join(REPORT_FIXTURES, '2019-shanghai-municipal-gov', name);

async function readError(bytes: Uint8Array, name?: string): Promise<ReadError> {
  try {
    await readDocument(bytes, name);
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

describe('text encodings', () => {
  it('imports the Ninghai DOCX text (UTF-8, one cell per line) from its file with every cell of expected.json', async () => {
    const result = await importFile(NINGHAI_2020);
    expect(result.source).toBe('text');
    expect(differences(result.report, ninghaiExpected)).toEqual([]);
  });

  it('decodes a GB18030 (GBK) text file that is not valid UTF-8', async () => {
    const file = path.join(REPO_ROOT, 'tests/fixtures/encodings/ninghai-2020.gb18030.txt');
    const result = await importFile(file);
    expect(differences(result.report, ninghaiExpected)).toEqual([]);
  });

  it('decodes UTF-8 with a byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(ninghaiText, 'utf8')]);
    const result = await importBytes(bytes, 'bom.txt');
    expect(differences(result.report, ninghaiExpected)).toEqual([]);
  });

  it('decodes UTF-16 LE with a byte-order mark', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(ninghaiText, 'utf16le')]);
    const result = await importBytes(bytes, 'utf16le.txt');
    expect(differences(result.report, ninghaiExpected)).toEqual([]);
  });

  it('decodes UTF-16 BE with a byte-order mark', async () => {
    const le = Buffer.from(ninghaiText, 'utf16le');
    const be = Buffer.from(le).swap16();
    const result = await importBytes(new Uint8Array([0xfe, 0xff, ...be]), 'utf16be.txt');
    expect(differences(result.report, ninghaiExpected)).toEqual([]);
  });
});

describe('sniffing by content, not by extension', () => {
  it('reads an HTML page saved as .doc as HTML', async () => {
    const result = await importBytes(new Uint8Array(readFileSync(shanghai('source.html'))), 'report.doc');
    expect(result.source).toBe('html');
  });

  it('reads a PDF named .txt as PDF', async () => {
    const result = await importBytes(new Uint8Array(readFileSync(shanghai('source.pdf'))), 'report.txt');
    expect(result.source).toBe('pdf');
  });

  it('reads a DOCX without a name as DOCX', async () => {
    const result = await importBytes(new Uint8Array(readFileSync(shanghai('source.docx'))));
    expect(result.source).toBe('docx');
  });

  it('reads an HTML fragment that is only a <table> as HTML', async () => {
    const html = '<table><tr><td>行政复议</td></tr><tr><td>&nbsp;</td></tr></table>';
    const doc = await readDocument(new TextEncoder().encode(html));
    expect(doc.kind).toBe('html');
    expect(doc.lines[1]?.cells[0]?.text).toBe('');
  });
});

describe('unreadable input', () => {
  it('rejects an empty file as read.empty', async () => {
    expect((await readError(new Uint8Array(0), 'empty.pdf')).code).toBe('read.empty');
  });

  it('rejects a file of blank lines as read.empty', async () => {
    expect((await readError(new TextEncoder().encode('\n \r\n\t\n'))).code).toBe('read.empty');
  });

  it('rejects a truncated DOCX as read.corrupt with a Chinese message', async () => {
    const docx = new Uint8Array(readFileSync(shanghai('source.docx')));
    const error = await readError(docx.subarray(0, 4000), 'broken.docx');
    expect(error.code).toBe('read.corrupt');
    expect(error.message).toMatch(/损坏/);
  });

  it('rejects a zip without word/document.xml as read.unsupported', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect((await readError(zip)).code).toBe('read.unsupported');
  });

  it('rejects a PNG passed as a report as read.unsupported', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const error = await readError(png, 'scan.png');
    expect(error.code).toBe('read.unsupported');
    expect(error.message).toMatch(/图片/);
  });

  it('rejects a broken PDF as read.corrupt', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage\n%%EOF');
    expect((await readError(bytes, 'broken.pdf')).code).toBe('read.corrupt');
  });

  it('rejects a truncated PDF as a ReadError, never a crash', async () => {
    const pdf = new Uint8Array(readFileSync(shanghai('source.pdf')));
    const error = await readError(pdf.subarray(0, 2000));
    expect(['read.corrupt', 'read.unsupported']).toContain(error.code);
  });

  it('rejects binary garbage as read.unsupported', async () => {
    const bytes = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      bytes[i] = seed % 256;
    }
    expect((await readError(bytes)).code).toBe('read.unsupported');
  });
});
