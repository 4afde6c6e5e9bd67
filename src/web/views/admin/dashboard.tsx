/** 工作台: a placeholder that shows who is signed in, the role, what it allows and where. */

import { ACTION_LABELS, PERMISSIONS, ROLE_LABELS, type Role } from '../../../domain/accounts/roles.ts';
import type { Agency } from '../../../domain/agencies/model.ts';
import { renderAdminPage } from './admin-layout.tsx';

export interface DashboardProps {
  displayName: string;
  login: string;
  role: Role;
  /** The agencies the role covers, the anchor first. */
  agencies: readonly Agency[];
  csrfToken: string;
}

export function renderDashboard({ displayName, login, role, agencies, csrfToken }: DashboardProps): string {
  return renderAdminPage({
    title: '工作台',
    signedIn: { displayName, csrfToken },
    children: (
      <>
        <h1>工作台</h1>
        <dl class="meta">
          <dt>姓名</dt>
          <dd>{displayName}</dd>
          <dt>用户名</dt>
          <dd>{login}</dd>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[role]}</dd>
          <dt>可办理</dt>
          <dd>{PERMISSIONS[role].map((a) => ACTION_LABELS[a]).join('、')}</dd>
        </dl>
        <h2>负责的机关</h2>
        <ul class="agencies">
          {agencies.map((a) => (
            <li>{a.name}</li>
          ))}
        </ul>
      </>
    ),
  });
}
