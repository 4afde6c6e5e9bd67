/**
 * CJK fonts for the PDF renderer. PDF text needs a font that has the glyphs; the standard 14
 * PDF fonts have no Chinese. We use the system's Noto CJK (Debian fonts-noto-cjk, installed on
 * CI) when present, and otherwise the ZCOOL XiaoWei font shipped in the npm package
 * @fontsource/zcool-xiaowei (SIL OFL 1.1; about 6,000 simplified characters), so a machine
 * without system CJK fonts still renders every label of both formats.
 *
 * The bundled font comes as WOFF. fontkit reads WOFF tables compressed and inflates them again
 * for every new glyph (seconds per table cell), and it cannot subset the package's WOFF2
 * (composite glyphs overflow in TTFSubset), so the WOFF is unpacked to a plain TrueType file once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface PdfFont {
  /** A font file, or its bytes. */
  path: string;
  /** The face inside a font collection (.ttc), by PostScript name. */
  family?: string;
}

export interface PdfFontSet {
  /** 方正小标宋简体 on paper; a bold serif here. */
  title: PdfFont;
  /** 黑体 on paper; a bold sans-serif here. */
  heading: PdfFont;
  /** 仿宋_GB2312 on paper; a serif here. */
  body: PdfFont;
  /** True when the bundled fallback font is used. */
  isFallback: boolean;
}

/** Where distributions install Noto CJK (Debian/Ubuntu, Fedora, Arch). */
export const SYSTEM_FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/opentype/noto-cjk',
];

const SYSTEM_FACES: Record<'title' | 'heading' | 'body', readonly PdfFont[]> = {
  title: [
    { path: 'NotoSerifCJK-Bold.ttc', family: 'NotoSerifCJKsc-Bold' },
    { path: 'NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  ],
  heading: [
    { path: 'NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
    { path: 'NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  ],
  body: [
    { path: 'NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
    { path: 'NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  ],
};

const BUNDLED_FONT = '@fontsource/zcool-xiaowei/files/zcool-xiaowei-chinese-simplified-400-normal.woff';

/** The bundled fallback font's file. */
export function bundledFont(): PdfFont {
  return { path: createRequire(import.meta.url).resolve(BUNDLED_FONT) };
}

function findFace(role: keyof typeof SYSTEM_FACES, dirs: readonly string[]): PdfFont | null {
  for (const face of SYSTEM_FACES[role]) {
    for (const dir of dirs) {
      const path = join(dir, face.path);
      if (existsSync(path)) return { ...face, path };
    }
  }
  return null;
}

/** Picks system Noto CJK faces from `dirs`, or the bundled font when the body face is missing. */
export function resolvePdfFonts(dirs: readonly string[] = SYSTEM_FONT_DIRS): PdfFontSet {
  const body = findFace('body', dirs);
  if (!body) {
    const font = bundledFont();
    return { title: font, heading: font, body: font, isFallback: true };
  }
  return {
    title: findFace('title', dirs) ?? body,
    heading: findFace('heading', dirs) ?? body,
    body,
    isFallback: false,
  };
}

/** What pdfkit's registerFont takes for `font`: the path, or the unpacked bytes of a WOFF file. */
export function fontSource(font: PdfFont): string | Buffer {
  return font.path.endsWith('.woff') ? woffToSfnt(readFileSync(font.path)) : font.path;
}

/** Unpacks a WOFF 1.0 file into the TrueType/OpenType file it wraps (W3C WOFF 1.0, §3-§5). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.readUInt32BE(entry),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressed < length ? inflateSync(raw) : raw,
    };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}
