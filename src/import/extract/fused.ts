/**
 * Digits run together. Text copied from some portals loses the cell borders: table 3's row
 * "64 0 0 2 0 4 70" arrives as "640020470". The row's own arithmetic usually leaves one way
 * to cut it: counts have no leading zeros, and 总计 is the sum of the applicant columns
 * (table 3) or of the four results (table 4). We enumerate the cuts and keep those that
 * satisfy the constraint; a cut is accepted only when it is the only one.
 */

/** A check on a complete candidate row. */
export type RowConstraint = (values: readonly number[]) => boolean;

/** Table 3: the last of seven values is the sum of the other six. */
export const table3RowConstraint: RowConstraint = (v) =>
  v.length === 7 && v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];

/** Table 4: three groups of five, each ending with the sum of its four results. */
export const table4RowConstraint: RowConstraint = (v) =>
  v.length === 15 && [0, 5, 10].every((g) => v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]! === v[g + 4]);

/** No constraint: only a cut forced by the digits (e.g. "000" → 0 0 0) is accepted. */
export const noConstraint: RowConstraint = () => true;

function validPiece(piece: string): boolean {
  if (piece.length === 0) return false;
  // Decimals ("24252.311082") come as whole tokens; inside a fused run only integers.
  return piece === '0' || !piece.startsWith('0');
}

/**
 * All ways to cut `tokens` (whitespace-separated digit runs; a token boundary is always a cut)
 * into exactly `n` numbers satisfying `constraint`. Stops after `limit` solutions.
 */
export function splitFused(
  tokens: readonly string[],
  n: number,
  constraint: RowConstraint,
  limit = 50,
): number[][] {
  const solutions: number[][] = [];
  const current: number[] = [];
  const walk = (token: number, offset: number) => {
    if (solutions.length >= limit) return;
    if (token === tokens.length) {
      if (current.length === n && constraint(current)) solutions.push([...current]);
      return;
    }
    const t = tokens[token]!;
    if (current.length >= n) return;
    if (t.includes('.')) {
      // A decimal is never cut.
      if (offset !== 0) return;
      current.push(Number(t));
      walk(token + 1, 0);
      current.pop();
      return;
    }
    const remainingTokens = tokens.length - token - 1;
    for (let end = offset + 1; end <= t.length; end += 1) {
      const piece = t.slice(offset, end);
      if (!validPiece(piece)) {
        if (piece !== '0' && piece.startsWith('0')) break;
        continue;
      }
      current.push(Number(piece));
      if (end === t.length) walk(token + 1, 0);
      else if (current.length + 1 + remainingTokens <= n) walk(token, end);
      current.pop();
      if (solutions.length >= limit) return;
    }
  };
  walk(0, 0);
  return solutions;
}

/** True when a token list could hide more numbers than it shows (a digit run longer than one). */
export function mayBeFused(tokens: readonly string[]): boolean {
  return tokens.some((t) => /^\d{2,}$/.test(t));
}
