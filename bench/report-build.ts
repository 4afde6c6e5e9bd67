/**
 * Building the annual report from records at county scale: 100,000 applications of one
 * agency in one year (plus the previous year's tail that carries over, their events, appeals
 * and catalogue items), bulk-inserted into the real schema, then `buildReport` timed on
 * SQLite (a temporary file) and on PostgreSQL (a fresh schema, dropped afterwards).
 * Baseline: the engine's own `select applicant_type, count(*) from applications group by
 * applicant_type` on the same data, through the raw driver; reported as a ratio.
 *
 *   npx tsx bench/report-build.ts [--applications 100000] [--runs 7] [--engines sqlite,postgres]
 *                                 [--pg postgres://postgres@127.0.0.1:5432/test] [--max-seconds 300]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import pg from 'pg';
import { type Db, openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from '../src/domain/applications/model.ts';
import { nationalCalendar } from '../src/domain/calendar/calendar.ts';
import { TABLE4_GROUPS } from '../src/domain/report/formats/index.ts';
import { fixedClock } from '../src/services/deps.ts';
import { buildReport } from '../src/services/reports/build-report.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const YEAR = 2025;
const applications = Number(option('applications', '100000'));
const runs = Number(option('runs', '7'));
const engines = option('engines', 'sqlite,postgres').split(',');
const pgUrl = option('pg', 'postgres://postgres@127.0.0.1:5432/test');
const maxSeconds = Number(option('max-seconds', '300'));
const AGENCY = { code: '330226', name: '宁海县人民政府' };

// ---- cleanup and the time bound -------------------------------------------------------
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}
const watchdog = setTimeout(() => {
  console.error(`stopped: over the ${maxSeconds}s budget`);
  void cleanUp().finally(() => process.exit(2));
}, maxSeconds * 1000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

// ---- deterministic data ---------------------------------------------------------------
let seed = 20261125;
function random(): number {
  // mulberry32: the same data on every run and engine.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function pick<T>(weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const yearStart = Date.UTC(YEAR, 0, 1);
const previousStart = Date.UTC(YEAR - 1, 0, 1);

// Roughly the shape of a county government's year: mostly individuals, mostly answered.
const TYPE_WEIGHTS = APPLICANT_TYPES.map(
  (t) =>
    [t, { natural_person: 90, commercial: 5, research: 0.5, social: 0.5, legal: 2, other: 2 }[t]] as const,
);
const OUTCOME_WEIGHTS = OUTCOMES.map(
  (o) => [o, o === 'granted' ? 40 : o === 'partial' ? 12 : o.startsWith('unable') ? 10 : 2] as const,
);
const CHANNEL_WEIGHTS = CHANNELS.map((c) => [c, c === 'online' ? 60 : c === 'post_signed' ? 25 : 3] as const);

type NewApplication = Insertable<Database['applications']>;
type NewEvent = Insertable<Database['application_events']>;

/** One application received on `receivedMs`, closed after 1-40 days (or still open on `asOfMs`). */
function application(n: number, agencyId: number, receivedMs: number, asOfMs: number): NewApplication {
  const received = isoDay(receivedMs);
  const closedMs = receivedMs + Math.floor(1 + random() * 40) * DAY;
  const isOpen = closedMs > asOfMs;
  const outcome = isOpen ? null : pick(OUTCOME_WEIGHTS);
  const type = pick(TYPE_WEIGHTS);
  const stamp = `${received}T02:00:00.000Z`;
  return {
    agency_id: agencyId,
    tracking_number: `NH${received.slice(0, 4)}-${String(n).padStart(7, '0')}`,
    check_code: String(100000 + Math.floor(random() * 900000)),
    channel: pick(CHANNEL_WEIGHTS),
    applicant_type: type,
    applicant_name: type === 'natural_person' ? `申请人${n}` : `某某公司${n}`,
    id_document_type: type === 'natural_person' ? 'id_card' : null,
    id_document_number:
      type === 'natural_person' ? `33022619800101${String(n % 10000).padStart(4, '0')}` : null,
    organisation_code: type === 'natural_person' ? null : `91330226${String(n).padStart(10, '0')}`,
    contact_person: null,
    phone: `1380000${String(n % 10000).padStart(4, '0')}`,
    email: null,
    address: '浙江省宁波市宁海县跃龙街道某路1号',
    postcode: '315600',
    description: '申请公开本县2024年度某项目的立项批复、资金拨付情况及验收材料。',
    purpose: null,
    delivery_form: 'electronic',
    delivery_way: 'online',
    submitted_on: received,
    received_on: received,
    state: isOpen ? 'registered' : outcome?.startsWith('other_') ? 'withdrawn' : 'replied',
    due_on: isoDay(receivedMs + 28 * DAY),
    outcome,
    closed_on: isOpen ? null : isoDay(closedMs),
    created_at: stamp,
    updated_at: stamp,
  };
}

interface Dataset {
  applications: NewApplication[];
  /** Events by the index of their application (ids are assigned by the engine). */
  events: ((applicationId: number) => NewEvent)[][];
  appeals: Insertable<Database['appeals']>[];
  catalogue: Insertable<Database['catalogue_items']>[];
}

function dataset(agencyId: number): Dataset {
  seed = 20261125;
  const asOf = Date.UTC(YEAR + 1, 0, 20); // the report is built in January of the next year
  const apps: NewApplication[] = [];
  // 5% of the volume from last year's fourth quarter: part closed then, part carried over.
  const tail = Math.round(applications * 0.05);
  for (let i = 0; i < tail; i += 1) {
    apps.push(
      application(apps.length + 1, agencyId, previousStart + (273 + Math.floor(random() * 92)) * DAY, asOf),
    );
  }
  // The year itself; December's late arrivals carry forward (closed in January or still open).
  for (let i = 0; i < applications; i += 1) {
    apps.push(application(apps.length + 1, agencyId, yearStart + Math.floor(random() * 365) * DAY, asOf));
  }
  const events = apps.map((a) => {
    const list: ((id: number) => NewEvent)[] = [
      (id) => event(id, 'register', null, 'registered', a.received_on),
    ];
    if (a.closed_on) {
      if (random() < 0.01) {
        const amount = 10 * Math.ceil(random() * 20);
        list.push((id) =>
          event(id, 'fee_paid', 'awaiting_fee', 'registered', a.closed_on!, { feeAmount: amount }),
        );
      }
      list.push((id) => event(id, 'send_reply', 'reply_approved', a.state, a.closed_on!));
    }
    return list;
  });
  const appeals: Dataset['appeals'] = [];
  for (let i = 0; i < Math.round(applications / 1000); i += 1) {
    const filedMs = previousStart + Math.floor(random() * 730) * DAY;
    const decidedMs = filedMs + Math.floor(30 + random() * 90) * DAY;
    appeals.push({
      agency_id: agencyId,
      application_id: null,
      kind: pick(TABLE4_GROUPS.map((g) => [g, g === 'reconsideration' ? 6 : 2] as const)),
      case_number: `甬政复〔${isoDay(filedMs).slice(0, 4)}〕${i + 1}号`,
      filed_on: isoDay(filedMs),
      result: pick([
        ['upheld', 7],
        ['corrected', 1],
        ['other', 2],
      ] as const),
      decided_on: decidedMs > asOf ? null : isoDay(decidedMs),
      note: null,
      created_at: `${isoDay(filedMs)}T02:00:00.000Z`,
    });
  }
  const catalogue: Dataset['catalogue'] = [];
  for (let i = 0; i < Math.round(applications / 50); i += 1) {
    const madeMs = Date.UTC(YEAR - 10, 0, 1) + Math.floor(random() * 11 * 365) * DAY;
    const kind = pick([
      ['rule', 1],
      ['normative_document', 10],
      ['other', 40],
    ] as const);
    catalogue.push({
      agency_id: agencyId,
      index_number: `11330226002917-${isoDay(madeMs).slice(0, 4)}-${String(i + 1).padStart(6, '0')}`,
      title: `宁海县人民政府关于印发某项管理办法的通知（${i + 1}）`,
      doc_number: `宁政发〔${isoDay(madeMs).slice(0, 4)}〕${i + 1}号`,
      kind,
      genre: null,
      subject: null,
      made_on: isoDay(madeMs),
      published_on: isoDay(madeMs + 3 * DAY),
      effective_on: isoDay(madeMs + 30 * DAY),
      repealed_on: random() < 0.1 ? isoDay(madeMs + Math.floor(random() * 2000) * DAY) : null,
      summary: null,
      body: null,
      created_at: `${isoDay(madeMs)}T02:00:00.000Z`,
      updated_at: `${isoDay(madeMs)}T02:00:00.000Z`,
    });
  }
  return { applications: apps, events, appeals, catalogue };
}

function event(
  applicationId: number,
  type: string,
  from: string | null,
  to: string,
  on: string,
  data: object = {},
): NewEvent {
  return {
    application_id: applicationId,
    type,
    from_state: from,
    to_state: to,
    effective_on: on,
    actor: 'bench',
    reason: null,
    data: JSON.stringify(data),
    created_at: `${on}T02:00:00.000Z`,
  };
}

// ---- loading ----------------------------------------------------------------------------
/** Multi-row INSERTs inside one transaction, batched under each engine's parameter limit. */
async function load(db: Db): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const agency = await db.db
    .insertInto('agencies')
    .values({ ...AGENCY, type: 'government', parent_id: null, created_at: '2020-01-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const data = dataset(agency.id);
  const batch = db.engine === 'sqlite' ? 1000 : 2000;
  let rows = 0;
  await db.db.transaction().execute(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < data.applications.length; i += batch) {
      const inserted = await tx
        .insertInto('applications')
        .values(data.applications.slice(i, i + batch))
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => r.id));
    }
    const events = data.events.flatMap((list, i) => list.map((make) => make(ids[i]!)));
    for (let i = 0; i < events.length; i += batch * 2) {
      await tx
        .insertInto('application_events')
        .values(events.slice(i, i + batch * 2))
        .execute();
    }
    for (let i = 0; i < data.catalogue.length; i += batch) {
      await tx
        .insertInto('catalogue_items')
        .values(data.catalogue.slice(i, i + batch))
        .execute();
    }
    if (data.appeals.length > 0) await tx.insertInto('appeals').values(data.appeals).execute();
    rows = data.applications.length + events.length + data.catalogue.length + data.appeals.length;
  });
  return { rows, seconds: (performance.now() - started) / 1000 };
}

// ---- timing -------------------------------------------------------------------------------
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function time(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm the caches and the statement cache
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  return ms;
}

const GROUP_BY = 'select applicant_type, count(*) as n from applications group by applicant_type';
const COUNT = 'select count(*) as n from applications';

async function benchEngine(engine: string): Promise<void> {
  let db: Db;
  let baseline: (query: string) => Promise<unknown>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    db = openDatabase({ engine: 'sqlite', path: join(dir, 'bench.sqlite') });
    cleanups.push(() => db.close());
    const { default: SQLite } = await import('better-sqlite3');
    const raw = new SQLite(join(dir, 'bench.sqlite'), { readonly: true });
    cleanups.push(() => void raw.close());
    baseline = async (query) => raw.prepare(query).all();
  } else if (engine === 'postgres') {
    const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    cleanups.push(async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    });
    db = openDatabase({ engine: 'postgres', url: pgUrl }, { schema, poolSize: 4 });
    cleanups.push(() => db.close());
    await admin.query(`set search_path = ${schema}`);
    baseline = (query) => admin.query(query);
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  await migrateToLatest(db.db);
  const loaded = await load(db);
  // After a bulk load PostgreSQL's autovacuum soon vacuums (visibility map: index-only scans)
  // and analyses (planner statistics) these tables; do it now rather than wait for it.
  if (engine === 'postgres') {
    await baseline('vacuum analyze applications, application_events, appeals, catalogue_items');
  }
  const deps = { db, calendar: nationalCalendar(), clock: fixedClock(`${YEAR + 1}-01-20`) };
  const build = await time(() => buildReport(deps, { agency: AGENCY.code, year: YEAR }));
  const groupBy = await time(() => baseline(GROUP_BY));
  const count = await time(() => baseline(COUNT));
  const { report, findings } = await buildReport(deps, { agency: AGENCY.code, year: YEAR });
  const t3 = report.table3;
  console.log(
    `${engine.padEnd(8)} loaded ${loaded.rows} rows in ${loaded.seconds.toFixed(1)}s; ` +
      `table 3: received ${t3.new_received?.total}, carried over ${t3.carried_over?.total}, ` +
      `closed ${t3.total?.total}, carried forward ${t3.carried_forward?.total}; ` +
      `${findings.filter((f) => f.severity === 'error').length} error findings`,
  );
  const b = median(build);
  const g = median(groupBy);
  console.log(
    `${engine.padEnd(8)} buildReport median ${b.toFixed(1)} ms (runs ${build.map((x) => x.toFixed(0)).join(' ')}); ` +
      `baseline GROUP BY ${g.toFixed(1)} ms, ratio ${(b / g).toFixed(1)}; count(*) ${median(count).toFixed(1)} ms`,
  );
  await cleanUp();
}

console.log(
  `report build from records, ${applications} applications in ${YEAR}, median of ${runs} runs after one warm-up, Node ${process.version}`,
);
try {
  for (const engine of engines) await benchEngine(engine);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
