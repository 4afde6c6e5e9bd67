/** Small builders for test data (STYLE §11). */

import type { Db } from '../../src/db/connection.ts';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import type { Agency } from '../../src/domain/agencies/model.ts';
import {
  addDays,
  addWorkingDays,
  type Calendar,
  type IsoDate,
  isWorkingDay,
  nationalCalendar,
} from '../../src/domain/calendar/index.ts';
import type { RegisterApplicationInput } from '../../src/services/applications/schemas.ts';
import { type Deps, fixedClock } from '../../src/services/deps.ts';

let counter = 0;

export async function buildAgency(db: Db, over: Partial<Omit<Agency, 'id'>> = {}): Promise<Agency> {
  counter += 1;
  return agenciesRepository(db.db).insert(
    { code: `T${counter}`, name: `测试局${counter}`, type: 'department', parentId: null, ...over },
    '2026-01-01T00:00:00.000Z',
  );
}

export function buildDeps(db: Db, today = '2020-12-31'): Deps {
  return { db, calendar: nationalCalendar(), clock: fixedClock(today) };
}

export function buildApplicationInput(
  agency: string,
  over: Partial<RegisterApplicationInput> = {},
): RegisterApplicationInput {
  return {
    agency,
    channel: 'in_person',
    applicantType: 'natural_person',
    applicantName: '张某',
    idDocumentType: '居民身份证',
    idDocumentNumber: '330226199001010011',
    phone: '13800000000',
    description: '2020年某路段改造工程的立项批复',
    deliveryForm: '纸质',
    deliveryWay: '邮寄',
    submittedOn: '2020-09-28',
    ...over,
  };
}

/** The first receipt day whose 20-working-day reply period (art. 33) ends on `due`. */
export function receiptDayFor(due: IsoDate, calendar: Calendar): IsoDate {
  for (let d = addDays(due, -45); d < due; d = addDays(d, 1)) {
    const end = addWorkingDays(d, 20, calendar);
    if (isWorkingDay(d, calendar) && (end.isProvisional ? end.provisionalValue : end.value) === due) return d;
  }
  throw new Error(`no receipt day for ${due}`);
}
