export {
  backupDatabaseFile,
  checkDatabaseFile,
  createDb,
  type CreateDbOptions,
  type Db,
  type Executor,
} from './create-db.ts'
export { migrateToLatest, migrateDownAll, MIGRATION_NAMES } from './migrate.ts'
export type * from './schema.ts'
export { queryTemplate, type Param } from './query-template.ts'
