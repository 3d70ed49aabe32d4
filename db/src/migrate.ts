import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely'
import type { Db } from './create-db.ts'
import * as m1000 from '../migrations/2026_11_22_1000_create_school_user_session.ts'
import * as m1010 from '../migrations/2026_11_22_1010_create_framework.ts'
import * as m1020 from '../migrations/2026_11_22_1020_create_plan_and_card.ts'
import * as m1030 from '../migrations/2026_11_22_1030_create_evidence_comment_activity.ts'
import * as m1100 from '../migrations/2026_11_22_1100_create_lead_mapping.ts'
import * as m1200 from '../migrations/2026_11_22_1200_evidence_files_and_reviews.ts'
import * as m1300 from '../migrations/2026_11_22_1300_create_monthly_snapshot.ts'
import * as m1310 from '../migrations/2026_11_22_1310_create_monthly_remark.ts'
import * as m1400 from '../migrations/2026_11_22_1400_create_login_throttle.ts'
import * as m20261203_0800 from '../migrations/2026_12_03_0800_accounts_in_the_web_app.ts'
import * as m20261203_0810 from '../migrations/2026_12_03_0810_plan_life.ts'
import * as m20261203_0820 from '../migrations/2026_12_03_0820_plan_import_record.ts'
import * as m20261204_0910 from '../migrations/2026_12_04_0910_school_calendar.ts'
import * as m20261203_0830 from '../migrations/2026_12_03_0830_user_last_plan.ts'
import * as m20261204_0920 from '../migrations/2026_12_04_0920_checkpoint_reviews_and_council.ts'
import * as m20261204_0930 from '../migrations/2026_12_04_0930_school_document_settings.ts'
import * as m20261205_1000 from '../migrations/2026_12_05_1000_overseeing_bodies.ts'
import * as m20261204_0900 from '../migrations/2026_12_04_0900_bieu_2_fields_and_problems.ts'

/**
 * A static list rather than a folder scan: it works the same under tsx, Vitest and a
 * bundle, and a missing migration is a compile error. Names sort in time order.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_22_1000_create_school_user_session': m1000,
  '2026_11_22_1010_create_framework': m1010,
  '2026_11_22_1020_create_plan_and_card': m1020,
  '2026_11_22_1030_create_evidence_comment_activity': m1030,
  '2026_11_22_1100_create_lead_mapping': m1100,
  '2026_11_22_1200_evidence_files_and_reviews': m1200,
  '2026_11_22_1300_create_monthly_snapshot': m1300,
  '2026_11_22_1310_create_monthly_remark': m1310,
  '2026_11_22_1400_create_login_throttle': m1400,
  '2026_12_03_0800_accounts_in_the_web_app': m20261203_0800,
  '2026_12_03_0810_plan_life': m20261203_0810,
  '2026_12_03_0820_plan_import_record': m20261203_0820,
  '2026_12_03_0830_user_last_plan': m20261203_0830,
  '2026_12_04_0920_checkpoint_reviews_and_council': m20261204_0920,
  '2026_12_04_0930_school_document_settings': m20261204_0930,
  '2026_12_04_0900_bieu_2_fields_and_problems': m20261204_0900,
  '2026_12_04_0910_school_calendar': m20261204_0910,
  '2026_12_05_1000_overseeing_bodies': m20261205_1000,
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) }

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    const reason =
      result.error instanceof Error ? result.error.message : JSON.stringify(result.error)
    throw new Error(`migration ${failed ?? '?'} failed: ${reason}`, {
      cause: result.error,
    })
  }
}

export async function migrateToLatest(db: Db): Promise<void> {
  check(await new Migrator({ db, provider }).migrateToLatest())
}

export async function migrateDownAll(db: Db): Promise<void> {
  const { NO_MIGRATIONS } = await import('kysely')
  check(await new Migrator({ db, provider }).migrateTo(NO_MIGRATIONS))
}

export const MIGRATION_NAMES = Object.keys(MIGRATIONS)
