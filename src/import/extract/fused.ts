/**
 * Digits run together. Text copied from some portals loses the cell borders: table 3's row
 * "64 0 0 2 0 4 70" arrives as "640020470". The row's own arithmetic usually leaves one way
 * to cut it: counts have no leading zeros, and 总计 is the sum of the applicant columns
 * (table 3) or of the four results (table 4). We enumerate the cuts and keep those that
 * satisfy the constraint; a cut is accepted only when it is the only one.
 */
import type { SourceCell } from '../source.ts';

/** A check on a complete candidate row. */
export type RowConstraint = (values: readonly number[]) => boolean;

/** Table 3: the last of seven values is the sum of the other six. */
export const table3RowConstraint: RowConstraint = (v) =>
  v.length === 7 && v[0]! + v[1]! + v[2]! + v[3]! + v[4]! + v[5]! === v[6];

/** Table 4: three groups of five, each ending with the sum of its four results. */
export const table4RowConstraint: RowConstraint = (v) =>
  v.length === 15 && [0, 5, 10].every((g) => v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]! === v[g + 4]);

/** No constraint: only a cut forced by the digits (e.g. "000" → 0 0 0) is accepted. */
export const noConstraint: RowConstraint = () => true;

const PLUS = 0x2b;
const MINUS = 0x2d;
const MINUS_SIGN = 0x2212; // −
const POINT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Whether `token.slice(from, to)` can be one number: an optional sign, digits with at most one
 * decimal point between digits, no leading zero. Read from the character codes, without
 * cutting the piece out: most pieces tried are rejected.
 */
function validPiece(token: string, from: number, to: number, tokenHasPoint: boolean): boolean {
  const first = token.charCodeAt(from);
  const digits = first === PLUS || first === MINUS || first === MINUS_SIGN ? from + 1 : from;
  if (digits >= to) return false;
  let point = -1;
  for (let i = digits; i < to; i += 1) {
    const c = token.charCodeAt(i);
    if (c >= ZERO && c <= NINE) continue;
    // One point, with a digit on each side.
    if (c === POINT && point < 0 && i > digits && i < to - 1) point = i;
    else return false;
  }
  // A decimal point belongs to the token's last number ("13575394432.52" → …, 75394432.52).
  if (point >= 0 !== (to === token.length && tokenHasPoint)) return false;
  return !(to - digits > 1 && token.charCodeAt(digits) === ZERO && token.charCodeAt(digits + 1) !== POINT);
}

/**
 * All ways to cut `tokens` (whitespace-separated digit runs; a token boundary is always a cut;
 * a sign starts a token) into exactly `n` numbers satisfying `constraint`. Stops after `limit`.
 */
export function splitFused(
  tokens: readonly string[],
  n: number,
  constraint: RowConstraint,
  limit = 50,
): number[][] {
  const solutions: number[][] = [];
  const current: number[] = [];
  // Characters left from token i onwards: every number still wanted needs at least one, so a
  // branch that cannot fill `n` is cut early (same solutions, same order, far fewer steps).
  const charsFrom: number[] = new Array(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i -= 1) charsFrom[i] = charsFrom[i + 1]! + tokens[i]!.length;
  const walk = (token: number, offset: number) => {
    if (solutions.length >= limit) return;
    if (token === tokens.length) {
      if (current.length === n && constraint(current)) solutions.push([...current]);
      return;
    }
    if (current.length >= n) return;
    const t = tokens[token]!;
    const hasPoint = t.includes('.');
    const remainingTokens = tokens.length - token - 1;
    for (let end = offset + 1; end <= t.length; end += 1) {
      if (t.length - end + charsFrom[token + 1]! < n - current.length - 1) break;
      if (!validPiece(t, offset, end, hasPoint)) continue;
      current.push(Number(t.slice(offset, end).replace('−', '-')));
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
  return tokens.some((t) => /^[+\-−]?\d[\d.]*\d$/.test(t));
}

/**
 * The cuts of a row, remembered: published tables repeat the same runs ("0000000" for an
 * empty row, in almost every report), and enumerating the cuts of a long run is the costliest
 * step of reading run-together text. The answer depends on the tokens, `n` and the
 * constraint only; the solutions are shared, so callers must not change them.
 */
const cutCache = new Map<RowConstraint, Map<string, number[][]>>();
function knownCuts(tokens: readonly string[], n: number, constraint: RowConstraint): number[][] {
  let byRow = cutCache.get(constraint);
  if (!byRow) {
    byRow = new Map();
    cutCache.set(constraint, byRow);
  }
  const key = `${n}\u0000${tokens.join('\u0000')}`;
  let solutions = byRow.get(key);
  if (!solutions) {
    solutions = splitFused(tokens, n, constraint);
    if (byRow.size >= 5_000) byRow.clear();
    byRow.set(key, solutions);
  }
  return solutions;
}

/** Result of trying to cut the number cells of one row. */
export type Unfused =
  | { kind: 'not_fused' }
  | { kind: 'cut'; cells: SourceCell[]; solution: number[] }
  | { kind: 'ambiguous'; count: number; solutions: number[][] };

let fusedOrigin = 0;

const UNIT = /(万元|元)$/;

/** Cells standing for one cut of `cells`: same location, saying how they were cut. */
export function cellsFromSolution(cells: readonly SourceCell[], solution: readonly number[]): SourceCell[] {
  const first = cells[0]!;
  const unit = UNIT.exec(cells[cells.length - 1]!.text)?.[1] ?? '';
  const printed = cells.map((c) => c.text).join(' ');
  const where = `${first.where}（连写数字“${printed}”拆分）`;
  return solution.map((v, i) => {
    fusedOrigin += 1;
    return { text: `${v}${i === solution.length - 1 ? unit : ''}`, where, origin: `fused${fusedOrigin}` };
  });
}

/**
 * Cuts the number cells of one printed row into `n` values when they ran together. The new
 * cells keep the source location and say how they were cut, so provenance stays honest.
 */
export function unfuseCells(cells: readonly SourceCell[], n: number, constraint: RowConstraint): Unfused {
  const tokens = cells.map((c) => c.text.replace(UNIT, ''));
  if (cells.length >= n || !mayBeFused(tokens)) return { kind: 'not_fused' };
  const solutions = knownCuts(tokens, n, constraint);
  if (solutions.length === 0) return { kind: 'not_fused' };
  if (solutions.length > 1) return { kind: 'ambiguous', count: solutions.length, solutions };
  return { kind: 'cut', solution: solutions[0]!, cells: cellsFromSolution(cells, solutions[0]!) };
}
