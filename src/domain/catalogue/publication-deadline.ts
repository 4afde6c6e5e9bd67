/**
 * Rule R-26, Regulation art. 26: "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内
 * 及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定。"
 *
 * The count starts on the day the information was formed (成文日期, `madeOn`) or last changed
 * (`changedOn`, each 变更 restarts it); that day is day zero (holidays.md), so the last day on
 * time is `addWorkingDays(start, 20)`. A publication after that day is late: we warn, we do
 * not refuse, since the information must be published anyway.
 */
import { addWorkingDays, type Calendar, formatDateWithWeekday, type IsoDate } from '../calendar/index.ts';

/** Working days allowed by art. 26. */
export const PUBLICATION_WORKING_DAYS = 20;

export interface PublicationFacts {
  madeOn: IsoDate;
  changedOn: IsoDate | null;
  publishedOn: IsoDate;
}

export interface PublicationCheck {
  /** The day the count started: the later of formation and last change. */
  startOn: IsoDate;
  /** The last day on time (provisional value when the calendar does not settle it). */
  dueOn: IsoDate;
  isProvisional: boolean;
  isLate: boolean;
  /** Chinese, for people; null when published on time. */
  warning: string | null;
}

/** Checks a publication date against R-26. */
export function checkPublicationDeadline(facts: PublicationFacts, calendar: Calendar): PublicationCheck {
  const { startOn, dueOn, isChange, due } = publicationDue(facts, calendar);
  const isLate = facts.publishedOn > dueOn;
  let warning: string | null = null;
  if (isLate) {
    const event = isChange ? `变更之日（${startOn}）` : `形成之日（${startOn}）`;
    warning =
      `发布日期${facts.publishedOn}晚于法定期限：《政府信息公开条例》第二十六条要求自该政府信息${event}起` +
      `${PUBLICATION_WORKING_DAYS}个工作日内公开，最迟应于${formatDateWithWeekday(dueOn)}公开` +
      `${due.isProvisional ? '（暂定）' : ''}。`;
    if (due.isProvisional) warning += due.reason;
  }
  return { startOn, dueOn, isProvisional: due.isProvisional, isLate, warning };
}

/**
 * When an item must be published by (art. 26): 20 working days from the day it was formed, or
 * from its latest change (变更), where the count restarts; the provisional date where the
 * calendar has no notice yet.
 */
export function publicationDue(facts: Pick<PublicationFacts, 'madeOn' | 'changedOn'>, calendar: Calendar) {
  const isChange = facts.changedOn !== null && facts.changedOn > facts.madeOn;
  const startOn = isChange ? facts.changedOn! : facts.madeOn;
  const due = addWorkingDays(startOn, PUBLICATION_WORKING_DAYS, calendar);
  return { startOn, dueOn: due.isProvisional ? due.provisionalValue : due.value, isChange, due };
}
