/**
 * The back office's applications: the list (applications/list.tsx), registration from any
 * channel (applications/register.tsx), and each case with its step forms, fees and letter
 * (applications/case-routes.tsx). `/admin/applications/new` is a static route, so it wins over
 * `/admin/applications/:id`.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../services/deps.ts';
import { registerCaseRoutes } from './applications/case-routes.tsx';
import { registerListRoute } from './applications/list.tsx';
import { registerRegisterRoutes } from './applications/register.tsx';

export function registerApplicationAdminRoutes(app: FastifyInstance, deps: Deps): void {
  registerListRoute(app, deps);
  registerRegisterRoutes(app, deps);
  registerCaseRoutes(app, deps);
}
