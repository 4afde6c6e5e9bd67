/**
 * The portal under load (issue 5, "The web"): requests per second for an item page and a
 * search page, each as a ratio to a plain hello-world Fastify server on the same machine
 * (target: at least 30%), and the search p95 over 1,000,000 generated catalogue items on
 * SQLite FTS5 and on PostgreSQL (target: under 30 ms).
 *
 *   npm run bench:portal -- [--items 1000000] [--engines sqlite,postgres] [--rounds 3]
 *                           [--seconds 5] [--connections 16] [--queries 400]
 *                           [--pg postgres://postgres@127.0.0.1:5432/test] [--regenerate]
 *                           [--by-class] [--search-only]
 *
 * The items come from a generator with a fixed seed: titles and bodies of a county
 * government's catalogue (通知, 公告, 解读, 年度报告 …), Zipf-weighted topics, and a long
 * tail of village, company and person names, so there are very common words (公开, 通知,
 * 工作), middling ones and rare ones. Generating and indexing a million items takes minutes,
 * so the databases are kept and reused when they hold the asked number of items:
 * SQLite in `data/bench/portal-<items>.sqlite`, PostgreSQL in schema `bench_portal`.
 * `--regenerate` (or deleting the file / `drop schema bench_portal cascade`) builds them again.
 *
 * `--by-class` prints the search service's p95 per query class (common word, rare name, by
 * date, page > 1 …) with each class's slowest query; `--search-only` skips the HTTP runs.
 *
 * Load is made here with Node's http.Agent (keepAlive, `--connections` sockets, each with one
 * request in flight), not a load-testing dependency: the same client, in this same process, for
 * every server. The portal runs twice on the same database: with the public page cache
 * (src/web/page-cache.ts, as deployed) and without it (GONGKAI_PAGE_CACHE=0: every page
 * rendered from the database). Item pages go to Zipf-distributed ids (half of the requests to
 * the 1,000 most read items), so with the cache some are hits and the rest misses; search pages
 * cycle through the query mix, which repeats after `--queries`, so the cache answers most of
 * them once it has seen them. Each figure says what share came from the cache; the cache is
 * kept across rounds, as a running server keeps it. A last item figure asks for the 100 most
 * read items only: every request a hit, the cache's ceiling.
 *
 * PostgreSQL is measured as a production server is set up, not with the packaged 128 MB of
 * shared_buffers: the figures in bench/RESULTS.md were taken with `shared_buffers = 6GB` and
 * `effective_cache_size = 16GB` (a quarter and two thirds of this machine's 24 GB, as
 * PostgreSQL's documentation advises), which the bench prints. Generating the data ends with
 * `SearchIndex.optimize` on both engines, as `gongkai search optimize` after a bulk load.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { type InsertObject, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Db, openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { nationalCalendar } from '../src/domain/calendar/calendar.ts';
import { createSearchIndex, type SearchDocument, type SearchQuery } from '../src/search/index.ts';
import { sortKeyOf } from '../src/search/keys.ts';
import { postgresTerms } from '../src/search/postgres.ts';
import { sqliteFtsRow } from '../src/search/sqlite-fts5.ts';
import type { App } from '../src/services/app.ts';
import { fixedClock } from '../src/services/deps.ts';

// buildApp is imported when the servers start (src/web/server.ts pulls in every route).

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const ITEMS = Number(option('items', '1000000'));
const ENGINES = option('engines', 'sqlite,postgres').split(',');
const ROUNDS = Number(option('rounds', '3'));
const SECONDS = Number(option('seconds', '5'));
const CONNECTIONS = Number(option('connections', '16'));
const QUERIES = Number(option('queries', '400'));
const PG_URL = option('pg', 'postgres://postgres@127.0.0.1:5432/test');
const PG_SCHEMA = 'bench_portal';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SQLITE_PATH = resolve(ROOT, `data/bench/portal-${ITEMS}.sqlite`);

// ---- deterministic data -------------------------------------------------------------------
let seed = 20261125;
function random(): number {
  // mulberry32: the same items on every run and engine.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number) => Math.floor(random() * n);
const any = <T>(xs: readonly T[] | string): T => xs[int(xs.length)] as T;
/** Zipf-like: the first entries are far more frequent than the last. */
const zipf = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length ** random()) - 1)]!;

const COUNTY = '宁海县';
const DEPARTMENTS = [
  '人民政府办公室',
  '发展和改革局',
  '教育局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '水利局',
  '卫生健康局',
  '应急管理局',
  '市场监督管理局',
  '民政局',
  '生态环境分局',
  '文化和广电旅游体育局',
  '司法局',
  '审计局',
  '统计局',
  '医疗保障局',
  '综合行政执法局',
  '退役军人事务局',
  '商务局',
  '经济和信息化局',
];
const TOWNS = [
  '跃龙街道',
  '桃源街道',
  '梅林街道',
  '桥头胡街道',
  '长街镇',
  '力洋镇',
  '一市镇',
  '岔路镇',
  '前童镇',
  '桑洲镇',
  '黄坛镇',
  '大佳何镇',
  '强蛟镇',
  '西店镇',
  '深甽镇',
  '胡陈乡',
  '茶院乡',
  '越溪乡',
];
const AGENCY_NAMES = [
  `${COUNTY}人民政府`,
  ...DEPARTMENTS.map((d) => `${COUNTY}${d}`),
  ...TOWNS.map((t) => `${COUNTY}${t}${t.endsWith('街道') ? '办事处' : '人民政府'}`),
];
const TOPICS = [
  '政务公开',
  '安全生产',
  '义务教育招生',
  '最低生活保障',
  '财政预算',
  '乡村振兴',
  '防汛防台',
  '森林防火',
  '政府采购',
  '食品安全',
  '城乡居民医疗保险',
  '农村危房改造',
  '耕地保护',
  '生态环境保护',
  '重大行政决策',
  '老旧小区改造',
  '就业创业补贴',
  '人才引进',
  '河长制',
  '垃圾分类',
  '消防安全',
  '疫情防控',
  '殡葬管理',
  '征地补偿',
  '建设用地审批',
  '道路交通安全',
  '农业产业化',
  '文物保护',
  '全民健身',
  '养老服务',
  '残疾人两项补贴',
  '退役军人优待',
  '行政执法公示',
  '双随机一公开',
  '营商环境',
  '数字化改革',
  '共同富裕',
  '美丽乡村建设',
  '特色小镇',
  '公共资源交易',
  '统计调查',
  '审计整改',
  '医疗救助',
  '临时救助',
  '住房公积金',
  '公租房保障',
  '水资源管理',
  '地质灾害防治',
  '危险化学品',
  '校园安全',
  '学前教育',
  '家庭医生签约',
  '基本公共卫生服务',
  '药品安全',
  '价格监测',
  '知识产权保护',
  '旅游市场整治',
  '文明城市创建',
  '平安建设',
  '法治政府建设',
];
const ACTIONS = ['做好', '加强', '进一步规范', '开展', '深入推进', '全面落实', '切实抓好', '组织实施'];
const DOC_NAMES = ['实施方案', '工作要点', '管理办法', '实施细则', '工作方案', '考核办法', '专项行动方案'];
const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万钱严赖覃洪武莫孔';
const GIVEN = '建国伟强军平华明勇杰涛斌波辉刚健峰磊超鹏宇浩凯晨阳丽芳敏静燕红艳娟霞秀英桂兰玲萍婷雪琳颖佳';
const PLACE_CHARS = '东西南北上下前后大小新老山溪岭塘桥湾岙洋坑里庄岩峰竹梅桃李杏松柏石泉源头门口田';
const INDUSTRIES = ['模具', '文具', '汽配', '电器', '针织', '水产', '建材', '机械', '塑业', '食品'];
const GENRES = [
  ['通知', 40],
  ['公告', 8],
  ['通告', 4],
  ['意见', 5],
  ['报告', 4],
  ['批复', 5],
  ['函', 4],
  ['决定', 4],
  ['通报', 3],
  ['纪要', 2],
  ['other', 21],
] as const;
const CATEGORIES = [
  '政策文件',
  '规划计划',
  '财政信息',
  '人事信息',
  '行政执法',
  '重点领域',
  '政策解读',
  '机构概况',
];

function weighted<T>(pairs: readonly (readonly [T, number])[]): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) {
    r -= w;
    if (r < 0) return value;
  }
  return pairs[pairs.length - 1]![0];
}
const village = () => `${any(PLACE_CHARS)}${any(PLACE_CHARS)}村`;
const company = () => `宁波${any(PLACE_CHARS)}${any(PLACE_CHARS)}${any(INDUSTRIES)}有限公司`;
const person = () => `${any(SURNAMES)}${any(GIVEN)}${random() < 0.5 ? any(GIVEN) : ''}`;
const money = () => `${(1 + int(9999)) / 10}万元`;

function sentence(topic: string, place: string, year: number): string {
  switch (int(14)) {
    case 0:
      return `为进一步做好${topic}工作，根据《中华人民共和国政府信息公开条例》等有关规定，结合${place}实际，制定本方案。`;
    case 1:
      return `${year}年，全县共受理${topic}相关事项${1 + int(900)}件，办结率${90 + int(10)}%，群众满意度进一步提升。`;
    case 2:
      return `各乡镇人民政府、街道办事处，县政府各部门：现将《${place}${year}年${topic}${any(DOC_NAMES)}》印发给你们，请认真贯彻执行。`;
    case 3:
      return `${village()}、${village()}等${2 + int(20)}个行政村列入${year}年度${topic}重点推进名单。`;
    case 4:
      return `${company()}申报的${topic}项目已通过审核，拟给予补助资金${money()}，现予以公示，公示期为五个工作日。`;
    case 5:
      return `要坚持公开、公平、公正原则，及时回应社会关切，主动接受群众监督，确保${topic}各项措施落到实处。`;
    case 6:
      return `联系人：${person()}，联系电话：0574-65${String(100000 + int(900000)).slice(1)}。`;
    case 7:
      return `各单位要高度重视，明确责任分工，加强统筹协调，于${year}年${1 + int(12)}月底前将工作情况报送县${any(DEPARTMENTS)}。`;
    case 8:
      return `本年度安排${topic}专项资金${money()}，其中县级财政配套${money()}，资金使用情况将按规定向社会公开。`;
    case 9:
      return `经研究，同意${person()}同志任${place}${any(['办公室主任', '副局长', '副镇长', '科长', '主任科员'])}，试用期一年。`;
    case 10:
      return `对检查中发现的${1 + int(60)}处问题隐患，已责令相关单位限期整改，并将整改情况纳入年度考核。`;
    case 11:
      return `本办法自${year}年${1 + int(12)}月${1 + int(28)}日起施行，有效期五年，由县${any(DEPARTMENTS)}负责解释。`;
    case 12:
      return `群众对${topic}工作有意见建议的，可通过政府门户网站、信件或者电话等方式反映，我们将依法及时答复。`;
    default:
      return `${place}将以${topic}为抓手，统筹推进${zipf(TOPICS)}和${zipf(TOPICS)}，不断提升基层治理能力和公共服务水平。`;
  }
}

function title(topic: string, place: string, year: number, genre: string): string {
  switch (genre) {
    case '通知':
      return any([
        `关于印发《${place}${year}年${topic}${any(DOC_NAMES)}》的通知`,
        `关于${any(ACTIONS)}${year}年${topic}工作的通知`,
        `关于开展${topic}专项检查的通知`,
      ]);
    case '公告':
    case '通告':
      return any([
        `关于${year}年${topic}项目补助资金的${genre}`,
        `${place}关于${village()}${topic}的${genre}`,
        `关于${company()}${topic}行政处罚的${genre}`,
      ]);
    case '报告':
      return any([`${place}${year}年政府信息公开工作年度报告`, `关于${year}年${topic}工作情况的报告`]);
    case '批复':
      return `关于同意${village()}${topic}项目立项的批复`;
    case '决定':
      return any([
        `关于${person()}等同志职务任免的决定`,
        `关于表彰${year}年度${topic}先进集体和先进个人的决定`,
      ]);
    case 'other':
      return any([
        `《${place}${topic}${any(DOC_NAMES)}》政策解读`,
        `${place}${year}年${topic}情况公示`,
        `${year}年${1 + int(12)}月${topic}工作动态`,
      ]);
    default:
      return `关于${any(ACTIONS)}${topic}工作的${genre}`;
  }
}

const START_MS = Date.UTC(2010, 0, 1);
const END_MS = Date.UTC(2026, 10, 20);
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface GeneratedItem {
  agencyIndex: number;
  title: string;
  body: string;
  attachmentsText: string;
  genre: string;
  category: string | null;
  publishedOn: string;
}

/** Item `n` of the generated catalogue; the same for a given n on every run. */
function generateItem(n: number): GeneratedItem {
  seed = 20261125 + n * 7919;
  // More items in later years, as catalogues grow; ids are not in date order (imports).
  const publishedMs = START_MS + Math.floor(Math.sqrt(random()) * ((END_MS - START_MS) / DAY_MS)) * DAY_MS;
  const publishedOn = isoDay(publishedMs);
  const year = Number(publishedOn.slice(0, 4));
  const agencyIndex = random() < 0.15 ? 0 : 1 + int(AGENCY_NAMES.length - 1);
  const agencyName = AGENCY_NAMES[agencyIndex]!;
  const place = random() < 0.6 ? COUNTY : agencyName.replace(COUNTY, '').replace(/(人民政府|办事处)$/, '');
  const topic = zipf(TOPICS);
  const genre = weighted(GENRES);
  const sentences: string[] = [];
  for (let i = 0, count = 6 + int(9); i < count; i++) sentences.push(sentence(topic, place || COUNTY, year));
  const attachmentsText =
    random() < 0.15
      ? `附件：${year}年${topic}${any(['情况统计表', '补助资金分配表', '名单', '检查情况汇总表'])}\n${[
          village(),
          company(),
          person(),
          village(),
        ].join(' ')}`
      : '';
  return {
    agencyIndex,
    title: title(topic, place || COUNTY, year, genre),
    body: sentences.join(''),
    attachmentsText,
    genre,
    category: random() < 0.3 ? null : any(CATEGORIES),
    publishedOn,
  };
}

// ---- loading ------------------------------------------------------------------------------
const NOW = '2026-11-25T00:00:00.000Z';
const BATCH = 1000;

/** The catalogue item row of generated item `n` (its id is `n`). */
function itemRow(n: number, item: GeneratedItem, agencyIds: readonly number[]) {
  return {
    id: n,
    agency_id: agencyIds[item.agencyIndex]!,
    index_number: `BENCH-${String(n).padStart(8, '0')}`,
    title: item.title,
    doc_number: null,
    kind: item.category === '政策文件' ? 'normative_document' : 'other',
    genre: item.genre,
    subject: null,
    made_on: item.publishedOn,
    published_on: item.publishedOn,
    body: item.body,
    catalogue_category: item.category,
    status: 'published',
    created_at: NOW,
    updated_at: NOW,
  };
}

function searchDocument(n: number, item: GeneratedItem, agencyIds: readonly number[]): SearchDocument {
  return {
    id: n,
    agencyId: agencyIds[item.agencyIndex]!,
    title: item.title,
    body: item.body,
    attachmentsText: item.attachmentsText,
    category: item.category,
    subject: null,
    genre: item.genre,
    year: Number(item.publishedOn.slice(0, 4)),
    publishedOn: item.publishedOn,
  };
}

async function insertAgencies(db: Db): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, name] of AGENCY_NAMES.entries()) {
    const row = await db.db
      .insertInto('agencies')
      .values({
        code: i === 0 ? '330226' : `330226-B${String(i).padStart(2, '0')}`,
        name,
        type: i === 0 ? 'government' : i <= DEPARTMENTS.length ? 'department' : 'township',
        parent_id: i === 0 ? null : ids[0]!,
        created_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

function progress(engine: string, done: number, started: number): void {
  if (done % 50_000 !== 0 && done !== ITEMS) return;
  const s = (performance.now() - started) / 1000;
  console.log(`  ${engine}: ${done.toLocaleString('en')} items indexed (${s.toFixed(0)} s)`);
}

/** SQLite: migrate, then the rows the search index writes (sqliteFtsRow), in big transactions. */
async function generateSqlite(): Promise<void> {
  rmSync(SQLITE_PATH, { force: true });
  rmSync(`${SQLITE_PATH}-wal`, { force: true });
  rmSync(`${SQLITE_PATH}-shm`, { force: true });
  mkdirSync(dirname(SQLITE_PATH), { recursive: true });
  const db = openDatabase({ engine: 'sqlite', path: SQLITE_PATH });
  await migrateToLatest(db.db);
  const agencyIds = await insertAgencies(db);
  await db.close();
  const raw = new SQLite(SQLITE_PATH);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const columns = (row: object) => Object.keys(row);
  const sample = itemRow(1, generateItem(1), agencyIds);
  const insertItem = raw.prepare(
    `insert into catalogue_items (${columns(sample).join(', ')}) values (${columns(sample)
      .map((c) => `@${c}`)
      .join(', ')})`,
  );
  const insertDocument = raw.prepare(`insert into search_documents
    (id, agency_id, category, subject, genre, year, published_on, title, body, attachments_text, sort_key)
    values (@id, @agencyId, @category, @subject, @genre, @year, @publishedOn, @title, @body, @attachmentsText, @sortKey)`);
  const insertFts = raw.prepare(
    'insert into search_fts (rowid, title, body, attachments, facets) values (@rowid, @title, @body, @attachments, @facets)',
  );
  const started = performance.now();
  const batch = raw.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const item = generateItem(n);
      insertItem.run(itemRow(n, item, agencyIds));
      const doc = searchDocument(n, item, agencyIds);
      insertDocument.run({ ...doc, sortKey: sortKeyOf(doc.publishedOn, doc.id) });
      insertFts.run(sqliteFtsRow(doc));
    }
  });
  for (let n = 1; n <= ITEMS; n += BATCH) {
    batch(n, Math.min(ITEMS + 1, n + BATCH));
    progress('sqlite', Math.min(ITEMS, n + BATCH - 1), started);
  }
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  // As `gongkai search optimize` after a bulk load: FTS5's b-trees merged into one, ANALYZE.
  const optimized = openDatabase({ engine: 'sqlite', path: SQLITE_PATH });
  await createSearchIndex(optimized).optimize();
  await optimized.close();
}

/** PostgreSQL: schema bench_portal, migrated; multi-row INSERTs with the tsvector the index builds (postgresTerms). */
async function generatePostgres(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop schema if exists ${PG_SCHEMA} cascade`);
  await admin.query(`create schema ${PG_SCHEMA}`);
  const db = openDatabase({ engine: 'postgres', url: PG_URL }, { schema: PG_SCHEMA, poolSize: 2 });
  try {
    await migrateToLatest(db.db);
    const agencyIds = await insertAgencies(db);
    // Indexes are built once after the load (their definitions read back, then re-run).
    const { rows: indexes } = await admin.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = $1
         and tablename in ('catalogue_items', 'search_documents', 'search_terms')
         and indexdef not like '%UNIQUE%'`,
      [PG_SCHEMA],
    );
    for (const index of indexes) await admin.query(`drop index ${PG_SCHEMA}.${index.indexname}`);
    const started = performance.now();
    const rowsPerStatement = 500;
    for (let n = 1; n <= ITEMS; n += rowsPerStatement) {
      const to = Math.min(ITEMS + 1, n + rowsPerStatement);
      const items: ReturnType<typeof itemRow>[] = [];
      const docs: InsertObject<Database, 'search_documents'>[] = [];
      for (let i = n; i < to; i++) {
        const item = generateItem(i);
        items.push(itemRow(i, item, agencyIds));
        const doc = searchDocument(i, item, agencyIds);
        docs.push({
          id: doc.id,
          agency_id: doc.agencyId,
          category: doc.category,
          subject: doc.subject,
          genre: doc.genre,
          year: doc.year,
          published_on: doc.publishedOn,
          title: doc.title,
          body: doc.body,
          attachments_text: doc.attachmentsText,
          sort_key: sortKeyOf(doc.publishedOn, doc.id),
          terms: postgresTerms(doc),
        });
      }
      await db.db.transaction().execute(async (tx) => {
        await tx.insertInto('catalogue_items').values(items).execute();
        await tx.insertInto('search_documents').values(docs).execute();
      });
      if ((to - 1) % 50_000 === 0 || to > ITEMS) progress('postgres', to - 1, started);
    }
    await admin.query(`select setval(pg_get_serial_sequence('${PG_SCHEMA}.catalogue_items', 'id'), $1)`, [
      ITEMS,
    ]);
    await admin.query(`set maintenance_work_mem = '512MB'`);
    for (const index of indexes) await admin.query(index.indexdef);
    // VACUUM also sets the visibility map, which lets a bitmap scan that needs no column (a
    // count) skip the heap pages of rows every transaction sees.
    await admin.query(
      `vacuum analyze ${PG_SCHEMA}.catalogue_items, ${PG_SCHEMA}.search_documents, ${PG_SCHEMA}.search_terms`,
    );
    // As `gongkai search optimize` after a bulk load: the match table clustered by sort key.
    await createSearchIndex(db).optimize();
  } finally {
    await db.close();
    await admin.end();
  }
}

// ---- reuse or generate ---------------------------------------------------------------------
async function countItems(db: Db): Promise<number> {
  try {
    const row = await db.db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } catch {
    return -1;
  }
}

/** The engine's database with ITEMS generated items: reused when it has them, else generated. */
async function openBenchDatabase(engine: string): Promise<Db> {
  const open = () =>
    engine === 'sqlite'
      ? openDatabase({ engine: 'sqlite', path: SQLITE_PATH })
      : openDatabase({ engine: 'postgres', url: PG_URL }, { schema: PG_SCHEMA, poolSize: 10 });
  if (!flag('regenerate') && (engine === 'postgres' || existsSync(SQLITE_PATH))) {
    const db = open();
    const found = await countItems(db);
    if (found === ITEMS) {
      await migrateToLatest(db.db);
      console.log(`${engine}: reusing ${ITEMS.toLocaleString('en')} generated items`);
      return db;
    }
    await db.close();
  }
  console.log(`${engine}: generating ${ITEMS.toLocaleString('en')} items (a fixed seed; takes minutes)`);
  const started = performance.now();
  await (engine === 'sqlite' ? generateSqlite() : generatePostgres());
  console.log(`${engine}: generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return open();
}

// ---- the query mix ---------------------------------------------------------------------------
interface MixEntry {
  kind: string;
  query: SearchQuery;
}

/**
 * What visitors type, in a fixed order: single common words, rarer and rare words (a topic,
 * a village, a company), two-word queries, filters (agency, year, document type, category),
 * sort by date, and pages 1 to 20.
 */
function queryMix(agencyIds: readonly number[]): MixEntry[] {
  seed = 4242;
  const common = ['公开', '通知', '工作', '宁海县', '政府', '信息', '资金', '检查'];
  const rarer = [...TOPICS.slice(20), '年度报告', '政策解读', '行政处罚'];
  const rare = () =>
    any<string>([village(), company(), person(), `${any(PLACE_CHARS)}${any(PLACE_CHARS)}村 公示`]);
  const two = () => `${zipf(TOPICS)} ${any(['通知', '公示', '补助资金', '检查', '整改', '名单', '方案'])}`;
  const mix: MixEntry[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const kind = weighted([
      ['common word', 25],
      ['rarer word', 20],
      ['rare name', 15],
      ['two words', 25],
      ['filtered', 15],
    ] as const);
    const q =
      kind === 'common word'
        ? any(common)
        : kind === 'rarer word'
          ? any(rarer)
          : kind === 'rare name'
            ? rare()
            : kind === 'two words'
              ? two()
              : any([...common, ...TOPICS.slice(0, 10)]);
    const query: SearchQuery = { q, sort: random() < 0.25 ? 'date' : 'relevance', page: 1, pageSize: 10 };
    const pageRoll = random();
    query.page =
      pageRoll < 0.7 ? 1 : pageRoll < 0.85 ? 2 + int(4) : pageRoll < 0.95 ? 6 + int(15) : 21 + int(80);
    if (kind === 'filtered') {
      const filter = int(5);
      if (filter === 0) query.agencyIds = [any(agencyIds)];
      if (filter === 1) query.agencyIds = agencyIds.slice(1 + DEPARTMENTS.length); // every town
      if (filter === 2) query.year = 2015 + int(12);
      if (filter === 3) query.genre = weighted(GENRES);
      if (filter === 4) {
        query.category = any(CATEGORIES);
        query.year = 2020 + int(7);
      }
    }
    mix.push({
      kind: `${kind}${query.sort === 'date' ? ', by date' : ''}${query.page > 1 ? ', page > 1' : ''}`,
      query,
    });
  }
  return mix;
}

// ---- statistics ---------------------------------------------------------------------------------
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Search p50/p95 straight through the search service: one pass over the mix per round. */
async function searchServiceRounds(
  db: Db,
  mix: MixEntry[],
): Promise<{ p50: number; p95: number; worst: string; byClass: string[] }[]> {
  const index = createSearchIndex(db);
  for (const entry of mix.slice(0, 50)) await index.search(entry.query); // warm caches
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times: { t: number; label: string; kind: string }[] = [];
    for (const entry of mix) {
      const started = performance.now();
      await index.search(entry.query);
      times.push({
        t: performance.now() - started,
        label: `${entry.query.q} (${entry.kind})`,
        kind: entry.kind,
      });
    }
    const t = times.map((x) => x.t);
    const worst = times.reduce((a, b) => (b.t > a.t ? b : a));
    rounds.push({
      p50: median(t),
      p95: quantile(t, 0.95),
      worst: `${worst.label} ${ms(worst.t)}`,
      byClass: perClass(times),
    });
  }
  return rounds;
}

/** p95 and the slowest query of each query class ("two words, by date" …), slowest class first. */
function perClass(times: readonly { t: number; label: string; kind: string }[]): string[] {
  const classes = new Map<string, { t: number; label: string }[]>();
  for (const x of times) classes.set(x.kind, [...(classes.get(x.kind) ?? []), x]);
  return [...classes]
    .map(([kind, xs]) => ({
      kind,
      xs,
      p95: quantile(
        xs.map((x) => x.t),
        0.95,
      ),
    }))
    .sort((a, b) => b.p95 - a.p95)
    .map(({ kind, xs, p95 }) => {
      const worst = xs.reduce((a, b) => (b.t > a.t ? b : a));
      return `${kind} (${xs.length}): p95 ${ms(p95)}, slowest ${worst.label.replace(/ \(.*\)$/, '')} ${ms(worst.t)}`;
    });
}

// ---- HTTP load -----------------------------------------------------------------------------------
interface Load {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
  /** Share of answers from the page cache (X-Page-Cache: hit). */
  hitRate: number;
}

/** `CONNECTIONS` keep-alive sockets, each sending the next request when the last answered, for SECONDS. */
async function load(port: number, nextPath: () => string): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let hits = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const get = (path: string) =>
    new Promise<number>((done) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        if (res.headers['x-page-cache'] === 'hit') hits++;
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      });
      req.on('error', () => done(0));
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const status = await get(nextPath());
        if (status !== 200) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: median(latencies),
    p95: quantile(latencies, 0.95),
    errors,
    hitRate: hits / Math.max(1, latencies.length),
  };
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

function helloWorld(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/', async () => 'hello world');
  return app;
}

/** The real app on the bench database, with the public page cache on or off (GONGKAI_PAGE_CACHE). */
async function portalApp(db: Db, pageCache: boolean): Promise<FastifyInstance> {
  const { buildApp } = await import('../src/web/server.ts');
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      DATABASE_URL: db.engine === 'sqlite' ? `sqlite:${SQLITE_PATH}` : PG_URL,
      GONGKAI_UPLOADS_DIR: resolve(ROOT, 'data/bench/uploads'),
      GONGKAI_PAGE_CACHE: pageCache ? '1' : '0',
    },
    ROOT,
  );
  const opened: App = {
    deps: { db, calendar: nationalCalendar(), clock: fixedClock('2026-11-25') },
    migrated: [],
    close: async () => {},
  };
  return buildApp(config, opened);
}

const best = <T>(xs: T[], by: (x: T) => number, higher: boolean) =>
  xs.reduce((a, b) => ((higher ? by(b) > by(a) : by(b) < by(a)) ? b : a));

async function benchEngine(engine: string): Promise<void> {
  const db = await openBenchDatabase(engine);
  try {
    if (engine === 'postgres') {
      // The server's memory settings decide whether the match table stays in its buffers.
      const { rows } = await sql<{
        name: string;
        setting: string;
      }>`select name, current_setting(name) as setting
        from pg_settings where name in ('shared_buffers', 'effective_cache_size', 'work_mem')`.execute(db.db);
      console.log(`postgres: ${rows.map((r) => `${r.name} ${r.setting}`).join(', ')}`);
    }
    const agencyIds = (await db.db.selectFrom('agencies').select('id').orderBy('id').execute()).map(
      (a) => a.id,
    );
    const mix = queryMix(agencyIds);
    const service = await searchServiceRounds(db, mix);
    const bestService = best(service, (r) => r.p95, false);
    console.log(
      `${engine}: search service over ${mix.length} queries × ${ROUNDS} rounds: p95 ${service
        .map((r) => ms(r.p95))
        .join(
          ', ',
        )} (best ${ms(bestService.p95)}, p50 ${ms(bestService.p50)}; slowest: ${bestService.worst})`,
    );
    if (flag('by-class')) for (const line of bestService.byClass) console.log(`  ${line}`);
    if (flag('search-only')) return;

    const hello = helloWorld();
    const cached = await portalApp(db, true);
    const uncached = await portalApp(db, false);
    const helloPort = await listen(hello);
    const cachedPort = await listen(cached);
    const uncachedPort = await listen(uncached);
    try {
      // Item ids Zipf-distributed (rank r with probability ~ 1/r: half of the requests go to the
      // 1,000 most read items), ranks spread over the ids by a bijection, so that with the
      // cache on some pages are hits and the rest misses, as on a portal.
      let itemSeed = 1;
      const itemPath = () => {
        itemSeed = (itemSeed * 48271) % 2147483647;
        const rank = Math.floor(ITEMS ** (itemSeed / 2147483647));
        return `/items/${1 + ((rank * 2654435761) % ITEMS)}`;
      };
      let next = 0;
      const searchPath = () => {
        const { query } = mix[next++ % mix.length]!;
        const params = new URLSearchParams({ q: query.q, sort: query.sort, page: String(query.page) });
        return `/search?${params.toString()}`;
      };
      const check = await load(uncachedPort, itemPath);
      if (check.errors > 0) console.log(`  warning: ${check.errors} item pages did not answer 200`);
      // The cache's ceiling: the 100 most read items only, every request a hit after the first.
      let hot = 0;
      const hotPath = () => `/items/${1 + (((hot++ % 100) * 2654435761) % ITEMS)}`;
      type Round = Record<'hello' | 'item' | 'itemHot' | 'search' | 'itemUncached' | 'searchUncached', Load>;
      const rounds: Round[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        rounds.push({
          hello: await load(helloPort, () => '/'),
          item: await load(cachedPort, itemPath),
          itemHot: await load(cachedPort, hotPath),
          search: await load(cachedPort, searchPath),
          itemUncached: await load(uncachedPort, itemPath),
          searchUncached: await load(uncachedPort, searchPath),
        });
      }
      const rps = (k: keyof Round) => median(rounds.map((r) => r[k].requestsPerSecond));
      const h = rps('hello');
      const figure = (label: string, k: keyof Round) => {
        const x = rps(k);
        const hits = median(rounds.map((r) => r[k].hitRate));
        const p50 = median(rounds.map((r) => r[k].p50));
        const p95 = median(rounds.map((r) => r[k].p95));
        return `${label} ${x.toFixed(0)} req/s (ratio ${(x / h).toFixed(2)}; p50 ${ms(p50)}, p95 ${ms(p95)}${
          k === 'item' || k === 'itemHot' || k === 'search'
            ? `; ${(hits * 100).toFixed(0)}% from the cache`
            : ''
        })`;
      };
      console.log(
        `${engine}: HTTP, ${CONNECTIONS} connections, ${SECONDS} s per run, median of ${ROUNDS}: hello world ${h.toFixed(0)} req/s`,
      );
      console.log(`  page cache on:  ${figure('item page', 'item')}; ${figure('search page', 'search')}`);
      console.log(`  page cache on, the 100 most read items only: ${figure('item page', 'itemHot')}`);
      console.log(
        `  page cache off: ${figure('item page', 'itemUncached')}; ${figure('search page', 'searchUncached')}`,
      );
      const failed = rounds.reduce(
        (n, r) =>
          n +
          r.item.errors +
          r.itemHot.errors +
          r.search.errors +
          r.itemUncached.errors +
          r.searchUncached.errors,
        0,
      );
      if (failed > 0) console.log(`  warning: ${failed} portal requests did not answer 200`);
    } finally {
      await cached.close();
      await uncached.close();
      await hello.close();
    }
  } finally {
    await db.close();
  }
}

console.log(
  `portal bench: ${ITEMS.toLocaleString('en')} items, Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
);
for (const engine of ENGINES) await benchEngine(engine);
