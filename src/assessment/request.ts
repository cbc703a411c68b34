/**
 * What the assessment's routes files share: who may use them, the acting user, the posted
 * proposal form, and the page answer (every assessment page carries personal data: no-store).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { requireRole } from '../web/access.ts';
import { sendPage } from '../web/context.ts';
import { formText } from '../web/form-post.ts';
import type { ProposalForm } from './assessment.ts';
import type { AssessmentActor, AssessmentView } from './assessment.service.ts';

export const workers = requireRole('assessor', 'planner', 'admin');
export const templateEditors = requireRole('planner', 'admin');
/** Interventions and goals are planning's work: planners and admins (assessors propose). */
export const interventionMakers = requireRole('planner', 'admin');
export const INTERVENTION_ROLES = ['planner', 'admin'];

export type Body = Record<string, unknown>;
export type Id = { Params: { id: string }; Querystring: { besked?: string } };
export type Sub = { Params: { id: string; sub: string } };

export const actor = (req: FastifyRequest): AssessmentActor => ({
  staff: req.staff!,
  requestId: req.id,
});
export const versionOf = (b: Body) => Number(formText(b, 'version')) || 0;
/** `?besked=` as the page's notice, absent when there is none. */
export const noticeOf = (q: { besked?: string }) => (q.besked ? { notice: q.besked } : {});

export const page = (reply: FastifyReply, node: VNode, status = 200) =>
  sendPage(reply, node, { status, personal: true });

export function proposalFormOf(b: Body): ProposalForm {
  return {
    title: formText(b, 'title'),
    proposalType: formText(b, 'proposalType'),
    department: formText(b, 'department'),
    description: formText(b, 'description'),
    decision: formText(b, 'decision'),
    decisionDate: formText(b, 'decisionDate').trim(),
    objective: formText(b, 'objective'),
    area: formText(b, 'area'),
  };
}

export const proposalOfView = (v: AssessmentView): ProposalForm => ({
  title: v.title,
  proposalType: v.proposalType,
  department: v.department,
  description: v.description,
  decision: v.decision,
  decisionDate: v.decisionDate,
  objective: v.objective,
  area: v.area,
});
