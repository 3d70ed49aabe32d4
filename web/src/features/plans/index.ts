/**
 * The plans feature's public surface for the app: the plan settings page
 * (`/plans/:planId/settings`) and the list of deleted plans to restore.
 */
export {
  PlanSettingsPage,
  type SettingsFramework,
  type SettingsPlan,
} from './components/plan-settings-page'
export { DeletedPlans } from './components/deleted-plans'
