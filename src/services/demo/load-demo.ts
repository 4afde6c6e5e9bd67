/**
 * Demo data (`gongkai demo`, and `npm start` on an empty database): the 宁海县 hierarchy with
 * 2019-2026 records, every case taken through the real use cases so that its history is
 * complete. 宁海县人民政府办公室 in 2020 is the reference year: building its report gives
 * every number of the published report (shared/fixtures/ninghai-2020-annual-report.txt).
 * Applicants are fictitious.
 */
import { agenciesRepository } from '../../db/repositories/agencies.ts';
import { appealsRepository } from '../../db/repositories/appeals.ts';
import { catalogueRepository, type NewCatalogueItem } from '../../db/repositories/catalogue.ts';
import { yearlyFiguresRepository } from '../../db/repositories/yearly-figures.ts';
import type { Agency } from '../../domain/agencies/model.ts';
import { FREE_PAGES } from '../../domain/applications/fees.ts';
import {
  APPLICANT_TYPES,
  type ApplicantType,
  type Channel,
  type Outcome,
} from '../../domain/applications/model.ts';
import { addWorkingDays, type IsoDate } from '../../domain/calendar/index.ts';
import type { Table4Column, Table4Group } from '../../domain/report/formats/index.ts';
import { createUser } from '../accounts/create-user.ts';
import { actOnApplication } from '../applications/act-on-application.ts';
import { registerApplication } from '../applications/register-application.ts';
import { reindexAll } from '../catalogue/index-item.ts';
import type { Deps } from '../deps.ts';
import { DEMO_REPORTS_DIR, importReportsFromFolder } from '../imports/import-reports.ts';
import { loadPortalDemo } from '../portal-pages/demo.ts';
import { publishDemoReports } from '../reports/publish-demo.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { DEMO_AGENCIES, NINGHAI_OFFICE } from './demo-agencies.ts';
import { type Random, seededRandom } from './random.ts';

/** How a demo case ends. */
type Ending =
  /** `fee`: yuan charged per volume, a multiple of 10 up to 700 (pages 31–100 at 10 元). */
  | { kind: 'reply'; outcome: Outcome; extend?: boolean; correction?: boolean; fee?: number }
  | { kind: 'withdraw' }
  | { kind: 'correction_lapsed' }
  | { kind: 'fee_lapsed' }
  | { kind: 'open' };

interface CaseScript {
  receivedOn: IsoDate;
  applicantType: ApplicantType;
  channel: Channel;
  ending: Ending;
  /** Working days from receipt to the reply (or other closing step). */
  handlingDays: number;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
const SUBJECTS = [
  '某路段拓宽改造工程的立项批复文件',
  '本街道老旧小区改造项目的实施方案',
  '某地块征收补偿安置方案及批复',
  '2019年度财政专项资金的使用情况',
  '某企业环境影响评价审批意见',
  '农村宅基地审批的相关文件',
  '某学校新建项目的规划许可资料',
  '县政府常务会议关于某事项的会议纪要',
  '城区公交线路调整的依据文件',
  '本村土地承包经营权流转的备案材料',
];

const dayOf = (year: number, dayOfYear: number): IsoDate => {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10) as IsoDate;
};

function plus(deps: Deps, date: IsoDate, n: number): IsoDate {
  const r = addWorkingDays(date, n, deps.calendar);
  return r.isProvisional ? r.provisionalValue : r.value;
}

async function runCase(
  deps: Deps,
  agency: Agency,
  script: CaseScript,
  random: Random,
  today: IsoDate,
): Promise<number> {
  const natural = script.applicantType === 'natural_person';
  const signed = script.channel === 'post_signed';
  const confirmed = ['online', 'email', 'fax', 'post_unsigned'].includes(script.channel);
  const app = await registerApplication(deps, {
    agency: agency.code,
    channel: script.channel,
    applicantType: script.applicantType,
    applicantName: natural
      ? `${random.pick(SURNAMES)}某某`
      : `宁海县某${['科技有限公司', '研究所', '公益服务中心', '律师事务所', '协会'][APPLICANT_TYPES.indexOf(script.applicantType) - 1]}`,
    idDocumentType: natural ? '居民身份证' : undefined,
    idDocumentNumber: natural ? `3302261980${String(random.int(1000, 9999))}XXXX` : undefined,
    organisationCode: natural ? undefined : `91330226MA2${String(random.int(100000, 999999))}X`,
    phone: `1380000${String(random.int(1000, 9999))}`,
    description: random.pick(SUBJECTS),
    deliveryForm: random.pick(['纸质', '电子数据']),
    deliveryWay: random.pick(['邮寄', '电子邮件', '自行领取']),
    submittedOn: script.receivedOn,
    ...(signed ? { signedOn: script.receivedOn } : {}),
    ...(confirmed ? { confirmedOn: script.receivedOn } : {}),
    actor: '登记员',
  });
  const act = (action: string, on: IsoDate, extra: Record<string, unknown> = {}) =>
    actOnApplication(deps, { applicationId: app.id, action, effectiveOn: on, actor: '经办人', ...extra });
  const start = script.receivedOn;
  const end = plus(deps, start, script.handlingDays);
  if (end > today && script.ending.kind !== 'open') return app.id;
  switch (script.ending.kind) {
    case 'open':
      return app.id;
    case 'withdraw':
      await act('withdraw', end, { reason: '申请人书面撤回申请' });
      return app.id;
    case 'correction_lapsed':
      await act('request_correction', plus(deps, start, 3), { correctionDueOn: plus(deps, start, 13) });
      await act('correction_lapsed', end, { reason: '申请人逾期未补正' });
      return app.id;
    case 'fee_lapsed':
      // 40 pages per volume: 10 × 10 = 100 元 (国办函〔2020〕109号 art. 5); a first application of the month is free per item.
      await act('issue_fee_notice', plus(deps, start, 5), {
        feeScale: 'per_volume',
        pages: 40,
        applicantReceivedOn: plus(deps, start, 6),
      });
      await act('fee_lapsed', plus(deps, start, 27), { reason: '申请人逾期未缴纳信息处理费' });
      return app.id;
    case 'reply': {
      const e = script.ending;
      let at = start;
      if (e.correction) {
        await act('request_correction', plus(deps, start, 2), { correctionDueOn: plus(deps, start, 10) });
        at = plus(deps, start, 5);
        await act('receive_correction', at);
      }
      if (e.fee) {
        await act('issue_fee_notice', plus(deps, at, 3), {
          feeScale: 'per_volume',
          pages: FREE_PAGES + e.fee / 10,
          applicantReceivedOn: plus(deps, at, 4),
        });
        at = plus(deps, at, 8);
        await act('fee_paid', at);
      }
      const reply = e.correction || e.fee ? plus(deps, at, Math.min(script.handlingDays, 15)) : end;
      // An extension is approved well before the due date (15 working days under the 2007 text), only when needed.
      if (e.extend && script.handlingDays > 20) {
        await act('approve_extension', plus(deps, start, 10), {
          workingDays: 15,
          reason: '需协调多个部门检索信息',
        });
      }
      await act('draft_reply', reply, { outcome: e.outcome });
      await act('approve_reply', reply);
      await act('send_reply', reply);
      return app.id;
    }
  }
}

/** 宁海县人民政府办公室, 2020: 31 received, 29 answered (10 公开, 10 不掌握, 9 其他处理), 2 carried forward. */
function ninghai2020(): CaseScript[] {
  const scripts: CaseScript[] = [];
  const channels: Channel[] = ['online', 'in_person', 'post_signed', 'email'];
  const add = (day: number, ending: Ending, handlingDays: number) =>
    scripts.push({
      receivedOn: dayOf(2020, day),
      applicantType: 'natural_person',
      channel: channels[scripts.length % channels.length]!,
      ending,
      handlingDays,
    });
  for (let i = 0; i < 10; i += 1)
    add(10 + i * 33, { kind: 'reply', outcome: 'granted', extend: i === 4 }, i === 4 ? 28 : 12);
  for (let i = 0; i < 10; i += 1)
    add(20 + i * 31, { kind: 'reply', outcome: 'unable_1', correction: i === 2 }, 15);
  for (let i = 0; i < 5; i += 1) add(40 + i * 55, { kind: 'correction_lapsed' }, 25);
  for (let i = 0; i < 4; i += 1) add(60 + i * 70, { kind: 'withdraw' }, 6);
  // Received in December, answered in January 2021: 四、结转下年度继续办理 = 2.
  add(348, { kind: 'reply', outcome: 'granted' }, 16);
  add(355, { kind: 'reply', outcome: 'granted' }, 12);
  return scripts;
}

const OUTCOME_WEIGHTS: readonly [Outcome | 'withdraw' | 'correction_lapsed' | 'fee_lapsed', number][] = [
  ['granted', 34],
  ['partial', 8],
  ['denied_3', 1],
  ['denied_4', 2],
  ['denied_5', 2],
  ['denied_6', 3],
  ['denied_8', 1],
  ['unable_1', 20],
  ['unable_2', 5],
  ['unable_3', 2],
  ['not_processed_1', 3],
  ['not_processed_2', 3],
  ['not_processed_3', 1],
  ['not_processed_5', 1],
  ['correction_lapsed', 5],
  ['withdraw', 5],
  ['fee_lapsed', 2],
];

function randomScripts(random: Random, year: number, count: number, openAfter: IsoDate | null): CaseScript[] {
  const total = OUTCOME_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const scripts: CaseScript[] = [];
  for (let i = 0; i < count; i += 1) {
    let roll = random.next() * total;
    let pick = OUTCOME_WEIGHTS[0]![0];
    for (const [o, w] of OUTCOME_WEIGHTS) {
      roll -= w;
      if (roll < 0) {
        pick = o;
        break;
      }
    }
    // Fees exist only from 2021 (国办函〔2020〕109号).
    if (pick === 'fee_lapsed' && year < 2021) pick = 'withdraw';
    const receivedOn = dayOf(year, random.int(2, 360));
    const applicantType: ApplicantType =
      random.next() < 0.78 ? 'natural_person' : random.pick(APPLICANT_TYPES.slice(1));
    const ending: Ending =
      openAfter && receivedOn >= openAfter
        ? { kind: 'open' }
        : pick === 'withdraw' || pick === 'correction_lapsed' || pick === 'fee_lapsed'
          ? { kind: pick }
          : {
              kind: 'reply',
              outcome: pick,
              extend: random.next() < 0.1,
              correction: random.next() < 0.08,
              fee: year >= 2021 && random.next() < 0.04 ? 50 : 0,
            };
    scripts.push({
      receivedOn,
      applicantType,
      channel: random.pick([
        'online',
        'online',
        'in_person',
        'post_signed',
        'email',
        'fax',
        'post_unsigned',
      ] as const),
      ending,
      handlingDays: random.int(3, 19) + (ending.kind === 'reply' && ending.extend ? 12 : 0),
    });
  }
  return scripts.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
}

function catalogueFor(
  agency: Agency,
  orgCode: string,
  random: Random,
  years: readonly number[],
): NewCatalogueItem[] {
  const items: NewCatalogueItem[] = [];
  const serial = new Map<number, number>();
  const item = (
    madeOn: IsoDate,
    kind: NewCatalogueItem['kind'],
    title: string,
    repealedOn: IsoDate | null = null,
  ) => {
    const year = Number(madeOn.slice(0, 4));
    const n = (serial.get(year) ?? 0) + 1;
    serial.set(year, n);
    items.push({
      agencyId: agency.id,
      indexNumber: `${orgCode}/${year}-${String(n).padStart(5, '0')}`,
      title,
      docNumber: kind === 'normative_document' ? `宁政办发〔${year}〕${n}号` : null,
      kind,
      genre: kind === 'normative_document' ? '通知' : '公告',
      subject: '综合政务\\政务公开',
      madeOn,
      publishedOn: madeOn,
      effectiveOn: madeOn,
      repealedOn,
      summary: null,
      body: `${title}。（演示数据）`,
    });
  };
  if (agency.name === NINGHAI_OFFICE) {
    // 117 normative documents published by the end of 2020, 12 of them made in 2020.
    for (let i = 0; i < 105; i += 1)
      item(
        dayOf(2008 + (i % 12), 20 + ((i * 7) % 300)),
        'normative_document',
        `宁海县人民政府办公室关于规范性事项的通知（第${i + 1}号）`,
      );
    for (let i = 0; i < 12; i += 1)
      item(
        dayOf(2020, 15 + i * 29),
        'normative_document',
        `宁海县人民政府办公室关于2020年重点工作的通知（${i + 1}）`,
      );
  }
  for (const year of years) {
    if (agency.name === NINGHAI_OFFICE && year <= 2020) continue;
    const made = random.int(2, 9);
    for (let i = 0; i < made; i += 1) {
      const madeOn = dayOf(year, random.int(5, 350));
      const repealed = random.next() < 0.15 ? dayOf(Math.min(year + 2, 2025), random.int(5, 350)) : null;
      item(
        madeOn,
        'normative_document',
        `${agency.name}关于${year}年度有关工作的通知（${i + 1}）`,
        repealed && repealed > madeOn ? repealed : null,
      );
    }
    for (let i = 0; i < random.int(2, 6); i += 1)
      item(dayOf(year, random.int(5, 350)), 'other', `${agency.name}${year}年工作动态（${i + 1}）`);
  }
  return items;
}

const FIGURES_2019 = [
  'licensing.prev_items',
  'licensing.change',
  'licensing.decisions',
  'other_services.prev_items',
  'other_services.change',
  'other_services.decisions',
  'penalty.prev_items',
  'penalty.change',
  'penalty.decisions',
  'coercion.prev_items',
  'coercion.change',
  'coercion.decisions',
  'admin_fees.prev_items',
  'admin_fees.change',
];

export interface DemoSummary {
  agencies: number;
  applications: number;
  catalogueItems: number;
  appeals: number;
  /** Back-office accounts (demo-accounts.ts), all with DEMO_PASSWORD. */
  accounts: number;
}

/**
 * Loads the demo data into an empty database. `reportsDir`: published reports of other agencies
 * to import for checking (GONGKAI_DEMO_DIR; demo/reports when null or absent).
 */
export async function loadDemo(
  deps: Deps,
  options: { reportsDir?: string | null } = {},
): Promise<DemoSummary> {
  const random = seededRandom(20201231);
  const today = deps.clock.today();
  const now = deps.clock.now().toISOString();
  const agencies = agenciesRepository(deps.db.db);
  const byCode = new Map<string, Agency>();
  for (const a of DEMO_AGENCIES) {
    const parentId = a.parent ? (byCode.get(a.parent)?.id ?? null) : null;
    const agency = await agencies.insert({ code: a.code, name: a.name, type: a.type, parentId }, now);
    await agencies.setOrgCode(agency.id, a.orgCode);
    byCode.set(a.code, agency);
  }
  for (const account of DEMO_ACCOUNTS) {
    await createUser(deps, { ...account, password: DEMO_PASSWORD }, { system: 'demo' });
  }
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
  let applications = 0;
  let catalogueItems = 0;
  let appeals = 0;
  for (const demo of DEMO_AGENCIES) {
    const agency = byCode.get(demo.code)!;
    const isOffice = demo.name === NINGHAI_OFFICE;
    const appIds: number[] = [];
    /** 上一年项目数量 of next year, by table-2 row. */
    const itemCounts = new Map<string, number>();
    for (const year of years) {
      const lastYear = year === 2026;
      let scripts: CaseScript[];
      if (isOffice && year === 2020) scripts = ninghai2020();
      else {
        const count = lastYear ? random.int(6, 12) : random.int(isOffice ? 18 : 5, isOffice ? 36 : 16);
        // 2019's cases are all answered within 2019 so that 2020 starts with 二、上年结转 = 0.
        scripts = randomScripts(random, year, count, lastYear ? dayOf(2026, 280) : null).map((s) =>
          isOffice && year === 2019 && s.receivedOn > dayOf(2019, 300)
            ? { ...s, receivedOn: dayOf(2019, random.int(2, 300)) }
            : s,
        );
        if (lastYear) scripts = scripts.filter((s) => s.receivedOn < today);
      }
      for (const script of scripts) {
        appIds.push(await runCase(deps, agency, script, random, today));
        applications += 1;
      }
      if (year <= 2025 && !(isOffice && year === 2020)) {
        // Appeals: a few reconsiderations and lawsuits about earlier answers.
        for (let i = 0; i < random.int(0, 2); i += 1) {
          const kind = random.pick<Table4Group>([
            'reconsideration',
            'reconsideration',
            'litigation_direct',
            'litigation_after_reconsideration',
          ]);
          const filedOn = dayOf(year, random.int(30, 300));
          const decided =
            random.next() < 0.8 ? dayOf(year, Math.min(364, Number(filedOn.slice(5, 7)) * 30 + 60)) : null;
          await appealsRepository(deps.db.db).insert(
            {
              agencyId: agency.id,
              applicationId: appIds.length > 0 ? random.pick(appIds) : null,
              kind,
              caseNumber: `（${year}）演示第${i + 1}号`,
              filedOn,
              result:
                decided && decided > filedOn
                  ? random.pick<Exclude<Table4Column, 'total'>>([
                      'upheld',
                      'upheld',
                      'upheld',
                      'corrected',
                      'other',
                    ])
                  : 'pending',
              decidedOn: decided && decided > filedOn ? decided : null,
              note: null,
            },
            now,
          );
          appeals += 1;
        }
      }
      if (year <= 2025) {
        const cells =
          year <= 2020
            ? FIGURES_2019
            : ['licensing.decisions', 'penalty.decisions', 'coercion.decisions', 'admin_fees.amount'];
        // The county office keeps no licensing or penalty items (its 2019 and 2020 rows are 0,
        // as published); elsewhere 上一年项目数量 follows last year's count and change.
        const isReference = isOffice && year <= 2020;
        const figures = cells.map((cell) => {
          const [row] = cell.split('.') as [string];
          let value: number;
          if (isReference) value = 0;
          else if (cell.endsWith('prev_items')) value = itemCounts.get(row) ?? random.int(0, 60);
          else if (cell.endsWith('change')) value = random.int(-3, 5);
          else if (cell.endsWith('amount')) value = random.int(0, 500) / 10;
          else value = random.int(0, 60);
          return {
            agencyId: agency.id,
            year,
            cell,
            value,
            sourceNote: isReference ? `依据宁海县人民政府办公室${year}年度统计台账（演示数据）` : '演示数据',
          };
        });
        for (const f of figures) {
          const [row, column] = f.cell.split('.') as [string, string];
          if (column === 'prev_items') itemCounts.set(row, f.value);
          if (column === 'change') itemCounts.set(row, Math.max(0, (itemCounts.get(row) ?? 0) + f.value));
        }
        if (year <= 2020) {
          figures.push(
            {
              agencyId: agency.id,
              year,
              cell: 'procurement.items',
              value: isOffice && year === 2020 ? 167 : random.int(5, 200),
              sourceNote: isOffice && year === 2020 ? '政府集中采购台账（演示数据）' : '演示数据',
            },
            {
              agencyId: agency.id,
              year,
              cell: 'procurement.amount',
              value: isOffice && year === 2020 ? 38 : random.int(10, 900),
              sourceNote: isOffice && year === 2020 ? '政府集中采购台账，单位万元（演示数据）' : '演示数据',
            },
          );
        }
        await yearlyFiguresRepository(deps.db.db).upsert(figures, now);
      }
    }
    const items = catalogueFor(
      agency,
      demo.orgCode,
      random,
      years.filter((y) => y <= 2025),
    );
    await catalogueRepository(deps.db.db).insertMany(items, now);
    catalogueItems += items.length;
  }
  // The portal's columns: guide, rules and a few items for each column (portal-pages/demo.ts).
  catalogueItems += await loadPortalDemo(deps);
  // The items were loaded in bulk: give the portal's search their documents.
  await reindexAll(deps);
  await importReportsFromFolder(deps, options.reportsDir ?? DEMO_REPORTS_DIR, { system: 'demo' });
  // The portal's 年报 column: every completed year without error findings, published (reports/publish-demo.ts).
  await publishDemoReports(deps);
  return {
    agencies: DEMO_AGENCIES.length,
    applications,
    catalogueItems,
    appeals,
    accounts: DEMO_ACCOUNTS.length,
  };
}
