/** Whether a signed-in person may do an action at an agency: the permission table and the scope. */
import { type Action, type Role, roleAllows } from './roles.ts';

/** Who is asking: the role and the agencies it covers (computed by the service from the hierarchy). */
export interface Principal {
  role: Role;
  /** The agency the role is anchored at. */
  agencyId: number;
  /** Every agency the role covers: the anchor, and for a county administrator its subtree. */
  agencyIds: readonly number[];
}

/** True when the principal's role allows the action and the agency is in its scope. */
export function isAllowed(principal: Principal, action: Action, agencyId: number): boolean {
  return roleAllows(principal.role, action) && principal.agencyIds.includes(agencyId);
}
