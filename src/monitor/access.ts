/** Who may use the equity monitor: planners and admins (the figures are aggregates, still staff-only). */
import { requireRole } from '../web/access.ts';

export const planners = requireRole('admin', 'planner');
