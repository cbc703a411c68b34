/**
 * The planning domain's surface (issue 12): interventions, recommendation frameworks and their
 * recommendations (decision 0023); goals, reach, portfolio and report add their lines below.
 */
export {
  DEPARTMENTS,
  departmentLabel,
  isDepartment,
  type Department,
  type InterventionSummary,
  type InterventionDetail,
  type InterventionInput,
  type TargetGroup,
} from './intervention.ts';
export { type RecommendationView, type RecommendationState } from './recommendation.ts';
export {
  listInterventions,
  getIntervention,
  createIntervention,
  listPublishedInterventions,
  type PublishedIntervention,
} from './intervention.service.ts';
export {
  listRecommendations,
  adoptFramework,
  linkRecommendation,
  listFrameworks,
} from './recommendation.service.ts';
export { FRAMEWORKS, type Framework, type FrameworkItem } from './frameworks/index.ts';
export { INTERVENTIONS_PATH, RECOMMENDATIONS_PATH, PLANNING_PATH } from './paths.ts';
export { seedPlanningFrameworksDemo } from './demo-frameworks.seed.ts';
export { REACH_PATH, lowReach, type ReachGroup, type ReachView } from './reach.ts';
export { reachForOffer, reachForIntervention } from './reach.service.ts';
export { listPortfolio, recordDecision } from './portfolio.service.ts';
export {
  DECISIONS,
  FLAGS,
  type Decision,
  type Flag,
  type PortfolioItem,
  type DecisionInput,
} from './portfolio.ts';
export { committeeReport, publishReport } from './report.service.ts';
export { type CommitteeReport } from './report.ts';
export { PORTFOLIO_PATH } from './pages/portfolio-page.tsx';
export { REPORT_PATH } from './pages/report-page.tsx';
export {
  goalState,
  pathValue,
  recentTrend,
  type GoalState,
  type GoalView,
  type GoalInput,
  type GoalKind,
  type GoalMeasure,
  type TrendMarker,
} from './goal.ts';
export { listGoals, getGoal, createGoal } from './goal.service.ts';
export { GOALS_PATH, GoalChart } from './pages/goal-pages.tsx';
export { seedGoalsDemo } from './demo-goals.seed.ts';
/** The planning cycle's demo for `lighed serve` (after the demo catalog and survey). */
export { seedPlanningDemo } from './demo.seed.ts';
