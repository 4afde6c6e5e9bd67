import { describe, expect, it } from 'vitest';
import { type IsoDate, nationalCalendar } from '../calendar/index.ts';
import { checkPublicationDeadline } from './publication-deadline.ts';

const calendar = nationalCalendar();
const d = (s: string) => s as IsoDate;
const check = (madeOn: string, publishedOn: string, changedOn: string | null = null) =>
  checkPublicationDeadline(
    { madeOn: d(madeOn), publishedOn: d(publishedOn), changedOn: changedOn ? d(changedOn) : null },
    calendar,
  );

describe('R-26: publication within 20 working days of formation or change', () => {
  // 2024-09-20 (Fri): the count crosses National Day (10-01..10-07 off, 09-29 and 10-12 worked).
  it('is on time on the 20th working day across National Day', () => {
    const r = check('2024-09-20', '2024-10-23');
    expect(r.dueOn).toBe('2024-10-23');
    expect(r.isLate).toBe(false);
    expect(r.warning).toBeNull();
  });

  it('warns on the 21st working day, naming the due date', () => {
    const r = check('2024-09-20', '2024-10-24');
    expect(r.isLate).toBe(true);
    expect(r.warning).toContain('第二十六条');
    expect(r.warning).toContain('2024-10-23（星期三）');
    expect(r.warning).not.toContain('暂定');
  });

  it('restarts the count from a change (变更)', () => {
    const r = check('2024-01-05', '2024-10-23', '2024-09-20');
    expect(r.startOn).toBe('2024-09-20');
    expect(r.isLate).toBe(false);
    expect(check('2024-01-05', '2024-10-24', '2024-09-20').warning).toContain('变更之日（2024-09-20）');
  });

  it('says so when the calendar does not settle the due date (no 2027 notice loaded)', () => {
    const r = check('2026-12-20', '2027-03-01');
    expect(r.isProvisional).toBe(true);
    expect(r.isLate).toBe(true);
    expect(r.warning).toContain('（暂定）');
    expect(r.warning).toContain('2027年');
  });
});
