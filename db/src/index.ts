export {
  backupDatabaseFile,
  checkDatabaseFile,
  createDb,
  createPgClient,
  createPgPool,
  isPostgres,
  type CreateDbOptions,
  type DatabaseLocation,
  type Db,
  type Executor,
} from './create-db.ts'
export { migrateToLatest, migrateDownAll, MIGRATION_NAMES } from './migrate.ts'
export type * from './schema.ts'
export { queryTemplate, type Param } from './query-template.ts'
export { listenPg, type PgListener } from './pg-listen.ts'
export {
  checkPostgresDump,
  dumpPostgres,
  PG_DUMP_FILE,
  postgresHasTables,
  restorePostgres,
} from './pg-backup.ts'
