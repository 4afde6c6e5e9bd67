/**
 * Registers a disclosure application from any channel (Regulation arts. 29, 31): validates the
 * art. 29 content, fixes the legal receipt date, gives the applicant a tracking number and
 * check code, computes the reply due date, and writes the case with its first event.
 */
import { randomInt } from 'node:crypto';
import { type ApplicationRecord, applicationsRepository } from '../../db/repositories/applications.ts';
import { computeDeadline } from '../../domain/applications/deadline.ts';
import { deadlineFactsFromEvents } from '../../domain/applications/facts-from-events.ts';
import { receiptDate } from '../../domain/applications/receipt.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAgency } from '../agencies/find-agency.ts';
import type { Deps } from '../deps.ts';
import { parseInput, RegisterApplicationSchema } from './schemas.ts';

/** Letters and digits that cannot be misread (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function trackingNumber(receivedOn: string): string {
  let tail = '';
  for (let i = 0; i < 6; i += 1) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `${receivedOn.replaceAll('-', '')}-${tail}`;
}

function checkCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export async function registerApplication(deps: Deps, input: unknown): Promise<ApplicationRecord> {
  const v = parseInput(RegisterApplicationSchema, input);
  const receipt = receiptDate({
    channel: v.channel,
    submittedOn: v.submittedOn,
    signedOn: v.signedOn ?? null,
    confirmedOn: v.confirmedOn ?? null,
  });
  if (!receipt.ok) throw new DomainError(receipt.code, receipt.message, receipt.field);

  const agency = await findAgency(deps, v.agency);

  const facts = deadlineFactsFromEvents(receipt.receivedOn, []);
  const deadline = computeDeadline(facts, deps.calendar, deps.clock.today());
  const due = deadline.due;
  const now = deps.clock.now().toISOString();

  for (let attempt = 0; ; attempt += 1) {
    try {
      return await deps.db.db.transaction().execute((trx) =>
        applicationsRepository(trx).insert(
          {
            agencyId: agency.id,
            trackingNumber: trackingNumber(receipt.receivedOn),
            checkCode: checkCode(),
            channel: v.channel,
            applicantType: v.applicantType,
            applicantName: v.applicantName,
            idDocumentType: v.idDocumentType,
            idDocumentNumber: v.idDocumentNumber,
            organisationCode: v.organisationCode,
            contactPerson: v.contactPerson,
            phone: v.phone,
            email: v.email,
            address: v.address,
            postcode: v.postcode,
            description: v.description,
            purpose: v.purpose,
            deliveryForm: v.deliveryForm,
            deliveryWay: v.deliveryWay,
            submittedOn: v.submittedOn,
            receivedOn: receipt.receivedOn,
            state: 'registered',
            dueOn: due ? (due.isProvisional ? due.provisionalValue : due.value) : null,
            dueIsProvisional: due?.isProvisional ?? false,
            createdAt: now,
            updatedAt: now,
          },
          {
            type: 'register',
            fromState: null,
            toState: 'registered',
            effectiveOn: receipt.receivedOn,
            actor: v.actor,
            reason: receipt.rule,
            data: {
              channel: v.channel,
              submittedOn: v.submittedOn,
              signedOn: v.signedOn,
              confirmedOn: v.confirmedOn,
            },
            createdAt: now,
          },
        ),
      );
    } catch (error) {
      // A tracking number drawn twice: draw again (the unique index refused the second).
      if (attempt < 3 && /unique|duplicate/i.test(String(error))) continue;
      throw error;
    }
  }
}
