export { PlanHistoryPage } from './components/plan-history-page'
