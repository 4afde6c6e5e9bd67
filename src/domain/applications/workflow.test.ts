import { describe, expect, it } from 'vitest';
import { receiptDate } from './receipt.ts';
import { availableActions, STATES, type State, TRANSITIONS, transition } from './workflow.ts';

describe('the application workflow', () => {
  it('goes from registration through correction, drafting, review and reply', () => {
    let state: State = STATES[0];
    for (const action of [
      'request_correction',
      'receive_correction',
      'draft_reply',
      'approve_reply',
      'send_reply',
    ] as const) {
      const r = transition(state, action);
      expect(r.ok).toBe(true);
      if (r.ok) state = r.to;
    }
    expect(state).toBe('replied');
  });

  it('refuses a reply that has not been reviewed, with a Chinese message and a stable code', () => {
    expect(transition('registered', 'send_reply')).toEqual({
      ok: false,
      code: 'application.illegal_transition',
      message: '当前状态为“办理中”，不能执行“送达答复”',
    });
  });

  it('keeps the state on an approved extension', () => {
    expect(transition('consulting', 'approve_extension')).toEqual({ ok: true, to: 'consulting' });
  });

  it('offers no action on a closed application', () => {
    expect(availableActions('replied')).toEqual([]);
    expect(availableActions('withdrawn')).toEqual([]);
  });

  it('reaches every state from registration', () => {
    const reached = new Set<string>(['registered']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const rule of Object.values(TRANSITIONS)) {
        for (const from of rule.from) {
          if (reached.has(from) && rule.to !== 'same' && !reached.has(rule.to)) {
            reached.add(rule.to);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
  });
});

describe('the receipt date (art. 31)', () => {
  it('is the day of submission for applications handed in', () => {
    expect(receiptDate({ channel: 'in_person', submittedOn: '2020-03-02' })).toMatchObject({
      ok: true,
      receivedOn: '2020-03-02',
    });
  });

  it('is the day the agency signs for registered post', () => {
    expect(
      receiptDate({ channel: 'post_signed', submittedOn: '2020-03-02', signedOn: '2020-03-05' }),
    ).toMatchObject({
      ok: true,
      receivedOn: '2020-03-05',
    });
  });

  it('is the day both sides confirm for online applications, and is required', () => {
    expect(
      receiptDate({ channel: 'online', submittedOn: '2020-03-06', confirmedOn: '2020-03-09' }),
    ).toMatchObject({
      receivedOn: '2020-03-09',
    });
    expect(receiptDate({ channel: 'online', submittedOn: '2020-03-06' })).toMatchObject({
      ok: false,
      code: 'application.receipt_date',
      field: 'confirmedOn',
    });
  });

  it('cannot be earlier than the submission', () => {
    expect(
      receiptDate({ channel: 'fax', submittedOn: '2020-03-06', confirmedOn: '2020-03-01' }),
    ).toMatchObject({ ok: false });
  });
});
