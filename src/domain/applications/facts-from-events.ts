/**
 * The deadline facts of a case, read from its event history: the history is the record,
 * the facts are derived from it (never stored separately, so they cannot drift apart).
 */
import type { IsoDate } from '../calendar/index.ts';
import type { DeadlineFacts, DeadlinePause, PauseKind } from './deadline-facts.ts';
import type { Action } from './workflow.ts';

/** The part of an event the deadline needs. */
export interface DeadlineEvent {
  type: Action | 'register';
  effectiveOn: string;
  data: Record<string, unknown>;
}

const CLOSING: readonly string[] = [
  'send_reply',
  'answer_on_the_spot',
  'withdraw',
  'correction_lapsed',
  'fee_lapsed',
];

const str = (v: unknown): IsoDate | null => (typeof v === 'string' && v ? (v as IsoDate) : null);

export function deadlineFactsFromEvents(receivedOn: string, events: readonly DeadlineEvent[]): DeadlineFacts {
  const facts: DeadlineFacts = {
    receivedOn: receivedOn as IsoDate,
    correction: null,
    pauses: [],
    extension: null,
    closedOn: null,
  };
  const pauses: DeadlinePause[] = [];
  const closeLast = (kinds: readonly PauseKind[], on: IsoDate) => {
    for (let i = pauses.length - 1; i >= 0; i -= 1) {
      const p = pauses[i]!;
      if (p.to === null && kinds.includes(p.kind)) {
        pauses[i] = { ...p, to: on };
        return;
      }
    }
  };
  for (const e of events) {
    const on = e.effectiveOn as IsoDate;
    switch (e.type) {
      case 'request_correction':
        facts.correction = {
          requestedOn: on,
          correctionDueOn: str(e.data.correctionDueOn),
          correctedReceivedOn: null,
        };
        break;
      case 'receive_correction':
        if (facts.correction) facts.correction = { ...facts.correction, correctedReceivedOn: on };
        break;
      case 'start_consultation':
        pauses.push({
          kind: e.data.kind === 'agency_consultation' ? 'agency_consultation' : 'third_party_consultation',
          from: on,
          to: null,
          counterpartReceivedOn: str(e.data.counterpartReceivedOn),
        });
        break;
      case 'end_consultation':
        closeLast(['third_party_consultation', 'agency_consultation'], on);
        break;
      case 'issue_fee_notice':
        pauses.push({
          kind: 'fee_payment',
          from: on,
          to: null,
          counterpartReceivedOn: str(e.data.applicantReceivedOn),
        });
        break;
      case 'fee_paid':
      case 'fee_waived':
        closeLast(['fee_payment'], on);
        break;
      case 'approve_extension':
        facts.extension = { approvedOn: on, workingDays: Number(e.data.workingDays ?? 0) };
        break;
      default:
        break;
    }
    if (CLOSING.includes(e.type)) facts.closedOn = on;
  }
  return { ...facts, pauses };
}
