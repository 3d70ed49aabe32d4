export { createDb, type Db, type CreateDbOptions } from './create-db.ts'
export { migrateToLatest, migrateDownAll, MIGRATION_NAMES } from './migrate.ts'
export type * from './schema.ts'
