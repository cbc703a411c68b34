/**
 * Equity impact assessment's surface (issue 13, decision 0027): the staff home's notice of a
 * review that is due (app.ts passes it to the staff routes) and the pages' address (the
 * planning start page links to it).
 */
import type { HomeNoticeProvider } from '../web/home-notices.ts';
import { dueReviewsFor } from './assessment.service.ts';
import { assessmentHref } from './paths.ts';

export { ASSESSMENTS_PATH } from './paths.ts';

/** The owner's final assessments whose review (6–12 months after the decision) is due. */
export const assessmentHomeNotices: HomeNoticeProvider = async (db, staff, t, now) => {
  if (!['assessor', 'planner', 'admin'].includes(staff.role)) return [];
  return (await dueReviewsFor(db, staff, now)).map((r) => ({
    href: assessmentHref(r.id),
    text: t('assessment.home.reviewDue', { title: r.title }),
  }));
};
