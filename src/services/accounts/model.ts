/** Who acts in the accounts use cases: a signed-in person, or the system itself (CLI, demo). */
import type { Principal } from '../../domain/accounts/access.ts';

/** A signed-in person with the agencies the role covers. */
export interface SignedInUser extends Principal {
  id: number;
  login: string;
  displayName: string;
}

/** The command line, the demo loader or the server acting without a person. */
export interface SystemActor {
  system: 'cli' | 'demo' | 'system';
}

export type Actor = SignedInUser | SystemActor;

export function isSystemActor(actor: Actor): actor is SystemActor {
  return 'system' in actor;
}

/** The actor's name as the audit trail keeps it. */
export function actorName(actor: Actor): string {
  return isSystemActor(actor) ? actor.system : actor.login;
}

export function actorId(actor: Actor): number | null {
  return isSystemActor(actor) ? null : actor.id;
}
