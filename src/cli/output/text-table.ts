/** Plain-text tables for the terminal, aligned by display width (a Chinese character is two columns). */

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function pad(s: string, width: number, alignRight: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return alignRight ? gap + s : s + gap;
}

/** Rows of cells → aligned lines; the first column is left-aligned, the others right-aligned. */
export function textTable(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(c));
    });
  }
  return rows.map((row) => indent + row.map((c, i) => pad(c, widths[i] ?? 0, i > 0)).join('  ')).join('\n');
}
