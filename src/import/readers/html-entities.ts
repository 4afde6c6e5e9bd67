/**
 * Character references (`&nbsp;`, `&#12288;`, `&#x3000;`) in the text and attribute values of
 * an HTML page, decoded the way htmlparser2 (through the `entities` package) decodes them, so
 * the page reads the same as it did when htmlparser2 parsed it:
 * - numeric references with or without `;`, C1 controls mapped to Windows-1252 and invalid
 *   code points to U+FFFD (HTML Living Standard, "numeric character reference end state");
 * - named references with `;`, and in text also the 106 legacy names without it, the longest
 *   one that starts the name ("&nbspx" is a no-break space and "x", "&notit;" is "¬it;");
 *   in attribute values a legacy name without `;` counts only when no letter, digit or `=`
 *   follows it.
 *
 * Named references are those of HTML 4 (Latin-1, symbols, Greek, punctuation) and `&apos;`:
 * every one the corpus uses and, by far, most that portals write. The HTML5 additions
 * (`&NewLine;`, `&lpar;`, 1,900 more) stay as written; htmlparser2 would decode them.
 */

/**
 * Named references: name → text (a Map: a plain object would answer "constructor"). The legacy
 * names, also read without `;`, are in LEGACY_NAMES.
 */
export const NAMED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Aacute: '\u00c1',
    aacute: '\u00e1',
    Acirc: '\u00c2',
    acirc: '\u00e2',
    acute: '\u00b4',
    AElig: '\u00c6',
    aelig: '\u00e6',
    Agrave: '\u00c0',
    agrave: '\u00e0',
    alefsym: '\u2135',
    Alpha: '\u0391',
    alpha: '\u03b1',
    AMP: '&',
    amp: '&',
    and: '\u2227',
    ang: '\u2220',
    apos: '\u0027',
    Aring: '\u00c5',
    aring: '\u00e5',
    asymp: '\u2248',
    Atilde: '\u00c3',
    atilde: '\u00e3',
    Auml: '\u00c4',
    auml: '\u00e4',
    bdquo: '\u201e',
    Beta: '\u0392',
    beta: '\u03b2',
    brvbar: '\u00a6',
    bull: '\u2022',
    cap: '\u2229',
    Ccedil: '\u00c7',
    ccedil: '\u00e7',
    cedil: '\u00b8',
    cent: '\u00a2',
    Chi: '\u03a7',
    chi: '\u03c7',
    circ: '\u02c6',
    clubs: '\u2663',
    cong: '\u2245',
    COPY: '\u00a9',
    copy: '\u00a9',
    crarr: '\u21b5',
    cup: '\u222a',
    curren: '\u00a4',
    Dagger: '\u2021',
    dagger: '\u2020',
    dArr: '\u21d3',
    darr: '\u2193',
    deg: '\u00b0',
    Delta: '\u0394',
    delta: '\u03b4',
    diams: '\u2666',
    divide: '\u00f7',
    Eacute: '\u00c9',
    eacute: '\u00e9',
    Ecirc: '\u00ca',
    ecirc: '\u00ea',
    Egrave: '\u00c8',
    egrave: '\u00e8',
    empty: '\u2205',
    emsp: '\u2003',
    ensp: '\u2002',
    Epsilon: '\u0395',
    epsilon: '\u03b5',
    equiv: '\u2261',
    Eta: '\u0397',
    eta: '\u03b7',
    ETH: '\u00d0',
    eth: '\u00f0',
    Euml: '\u00cb',
    euml: '\u00eb',
    euro: '\u20ac',
    exist: '\u2203',
    fnof: '\u0192',
    forall: '\u2200',
    frac12: '\u00bd',
    frac14: '\u00bc',
    frac34: '\u00be',
    frasl: '\u2044',
    Gamma: '\u0393',
    gamma: '\u03b3',
    ge: '\u2265',
    GT: '>',
    gt: '>',
    hArr: '\u21d4',
    harr: '\u2194',
    hearts: '\u2665',
    hellip: '\u2026',
    Iacute: '\u00cd',
    iacute: '\u00ed',
    Icirc: '\u00ce',
    icirc: '\u00ee',
    iexcl: '\u00a1',
    Igrave: '\u00cc',
    igrave: '\u00ec',
    image: '\u2111',
    infin: '\u221e',
    int: '\u222b',
    Iota: '\u0399',
    iota: '\u03b9',
    iquest: '\u00bf',
    isin: '\u2208',
    Iuml: '\u00cf',
    iuml: '\u00ef',
    Kappa: '\u039a',
    kappa: '\u03ba',
    Lambda: '\u039b',
    lambda: '\u03bb',
    lang: '\u27e8',
    laquo: '\u00ab',
    lArr: '\u21d0',
    larr: '\u2190',
    lceil: '\u2308',
    ldquo: '\u201c',
    le: '\u2264',
    lfloor: '\u230a',
    lowast: '\u2217',
    loz: '\u25ca',
    lrm: '\u200e',
    lsaquo: '\u2039',
    lsquo: '\u2018',
    LT: '<',
    lt: '<',
    macr: '\u00af',
    mdash: '\u2014',
    micro: '\u00b5',
    middot: '\u00b7',
    minus: '\u2212',
    Mu: '\u039c',
    mu: '\u03bc',
    nabla: '\u2207',
    nbsp: '\u00a0',
    ndash: '\u2013',
    ne: '\u2260',
    ni: '\u220b',
    not: '\u00ac',
    notin: '\u2209',
    nsub: '\u2284',
    Ntilde: '\u00d1',
    ntilde: '\u00f1',
    Nu: '\u039d',
    nu: '\u03bd',
    Oacute: '\u00d3',
    oacute: '\u00f3',
    Ocirc: '\u00d4',
    ocirc: '\u00f4',
    OElig: '\u0152',
    oelig: '\u0153',
    Ograve: '\u00d2',
    ograve: '\u00f2',
    oline: '\u203e',
    Omega: '\u03a9',
    omega: '\u03c9',
    Omicron: '\u039f',
    omicron: '\u03bf',
    oplus: '\u2295',
    or: '\u2228',
    ordf: '\u00aa',
    ordm: '\u00ba',
    Oslash: '\u00d8',
    oslash: '\u00f8',
    Otilde: '\u00d5',
    otilde: '\u00f5',
    otimes: '\u2297',
    Ouml: '\u00d6',
    ouml: '\u00f6',
    para: '\u00b6',
    part: '\u2202',
    permil: '\u2030',
    perp: '\u22a5',
    Phi: '\u03a6',
    phi: '\u03c6',
    Pi: '\u03a0',
    pi: '\u03c0',
    piv: '\u03d6',
    plusmn: '\u00b1',
    pound: '\u00a3',
    Prime: '\u2033',
    prime: '\u2032',
    prod: '\u220f',
    prop: '\u221d',
    Psi: '\u03a8',
    psi: '\u03c8',
    QUOT: '"',
    quot: '"',
    radic: '\u221a',
    rang: '\u27e9',
    raquo: '\u00bb',
    rArr: '\u21d2',
    rarr: '\u2192',
    rceil: '\u2309',
    rdquo: '\u201d',
    real: '\u211c',
    REG: '\u00ae',
    reg: '\u00ae',
    rfloor: '\u230b',
    Rho: '\u03a1',
    rho: '\u03c1',
    rlm: '\u200f',
    rsaquo: '\u203a',
    rsquo: '\u2019',
    sbquo: '\u201a',
    Scaron: '\u0160',
    scaron: '\u0161',
    sdot: '\u22c5',
    sect: '\u00a7',
    shy: '\u00ad',
    Sigma: '\u03a3',
    sigma: '\u03c3',
    sigmaf: '\u03c2',
    sim: '\u223c',
    spades: '\u2660',
    sub: '\u2282',
    sube: '\u2286',
    sum: '\u2211',
    sup: '\u2283',
    sup1: '\u00b9',
    sup2: '\u00b2',
    sup3: '\u00b3',
    supe: '\u2287',
    szlig: '\u00df',
    Tau: '\u03a4',
    tau: '\u03c4',
    there4: '\u2234',
    Theta: '\u0398',
    theta: '\u03b8',
    thetasym: '\u03d1',
    thinsp: '\u2009',
    THORN: '\u00de',
    thorn: '\u00fe',
    tilde: '\u02dc',
    times: '\u00d7',
    trade: '\u2122',
    Uacute: '\u00da',
    uacute: '\u00fa',
    uArr: '\u21d1',
    uarr: '\u2191',
    Ucirc: '\u00db',
    ucirc: '\u00fb',
    Ugrave: '\u00d9',
    ugrave: '\u00f9',
    uml: '\u00a8',
    upsih: '\u03d2',
    Upsilon: '\u03a5',
    upsilon: '\u03c5',
    Uuml: '\u00dc',
    uuml: '\u00fc',
    weierp: '\u2118',
    Xi: '\u039e',
    xi: '\u03be',
    Yacute: '\u00dd',
    yacute: '\u00fd',
    yen: '\u00a5',
    Yuml: '\u0178',
    yuml: '\u00ff',
    Zeta: '\u0396',
    zeta: '\u03b6',
    zwj: '\u200d',
    zwnj: '\u200c',
  }),
);

/** The names HTML reads even without a `;` (the legacy set; all are in NAMED). */
const LEGACY_NAMES = new Set(
  (
    'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml ' +
    'GT Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG ' +
    'THORN Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde ' +
    'auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 ' +
    'frac14 frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp ' +
    'not ntilde oacute ocirc ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo ' +
    'reg sect shy sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave uml uuml yacute yen ' +
    'yuml'
  ).split(' '),
);

/** Windows-1252 meanings of the C1 controls U+0080 to U+009F in numeric references (0: none). */
const C1 = [
  8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0, 0, 8216, 8217, 8220, 8221,
  8226, 8211, 8212, 732, 8482, 353, 8250, 339, 0, 382, 376,
];

function codePointText(codePoint: number): string {
  const invalid = codePoint === 0 || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff;
  if (invalid) return '\ufffd';
  if (codePoint >= 0x80 && codePoint <= 0x9f) return String.fromCodePoint(C1[codePoint - 0x80] || codePoint);
  return String.fromCodePoint(codePoint);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66;
}

function isAlphanumeric(c: number): boolean {
  const lower = c | 0x20;
  return isDigit(c) || (lower >= 0x61 && lower <= 0x7a);
}

/** What `decodeReference` read: the text, and the index just past the reference. */
export interface Reference {
  text: string;
  end: number;
}

/**
 * The reference starting at `s[amp]` (an `&`), or undefined when it is none (the `&` is then
 * plain text, and so is what follows it). `inAttribute` applies the attribute-value rule for
 * legacy names.
 */
export function decodeReference(s: string, amp: number, inAttribute: boolean): Reference | undefined {
  let i = amp + 1;
  if (s.charCodeAt(i) === 0x23 /* # */) {
    i += 1;
    const hex = (s.charCodeAt(i) | 0x20) === 0x78; /* x */
    if (hex) i += 1;
    const digitsStart = i;
    // Plain arithmetic like the entities package: a huge number ends past U+10FFFF, hence U+FFFD.
    let value = 0;
    for (; i < s.length; i += 1) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) value = value * (hex ? 16 : 10) + (c - 0x30);
      else if (hex && isHexLetter(c)) value = value * 16 + ((c | 0x20) - 0x61 + 10);
      else break;
    }
    if (i === digitsStart) return undefined;
    if (s.charCodeAt(i) === 0x3b /* ; */) i += 1;
    return { text: codePointText(value), end: i };
  }
  // A name is letters and digits; the longest legacy name starting it counts when the whole
  // name followed by `;` is no reference.
  while (i < s.length && isAlphanumeric(s.charCodeAt(i))) i += 1;
  if (i === amp + 1) return undefined;
  if (s.charCodeAt(i) === 0x3b) {
    const text = NAMED.get(s.slice(amp + 1, i));
    if (text !== undefined) return { text, end: i + 1 };
  }
  if (inAttribute) {
    // Only the whole name, not followed by `=` ("?a=1&copy=2" keeps its "&copy").
    const name = s.slice(amp + 1, i);
    return LEGACY_NAMES.has(name) && s.charCodeAt(i) !== 0x3d
      ? { text: NAMED.get(name)!, end: i }
      : undefined;
  }
  // Legacy names are at most 6 characters long.
  for (let end = Math.min(i, amp + 7); end > amp + 1; end -= 1) {
    const name = s.slice(amp + 1, end);
    if (LEGACY_NAMES.has(name)) return { text: NAMED.get(name)!, end };
  }
  return undefined;
}

/**
 * `s[from, to)` with its references decoded (text or, with `inAttribute`, an attribute value).
 * `amp` is the index of the first `&` at or after `from` (-1: none), which the caller keeps
 * track of: searching for it here would scan the rest of the page for every run of text.
 * Most runs hold no `&`: they are returned as one slice.
 */
export function decodeText(s: string, from: number, to: number, inAttribute: boolean, amp: number): string {
  if (amp === -1 || amp >= to) return s.slice(from, to);
  let out = '';
  let start = from;
  while (amp !== -1 && amp < to) {
    // A reference never runs past `to`: `to` is a `<`, a quote, white space or the end.
    const ref = decodeReference(s, amp, inAttribute);
    if (ref === undefined) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(start, amp) + ref.text;
    start = ref.end;
    amp = s.indexOf('&', start);
  }
  return out + s.slice(start, to);
}
