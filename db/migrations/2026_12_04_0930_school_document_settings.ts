import type { Kysely } from 'kysely'

/**
 * What a school's official documents print in their header and signature block (Nghị định
 * 30/2020/NĐ-CP): its issuing body, place name, document symbol, the body "Kính gửi" names,
 * the signer's title and name. All optional: a school that has not set them still gets
 * documents, with defaults (shared official-document.ts).
 */
const COLUMNS = [
  'issuing_body',
  'place_name',
  'document_symbol',
  'overseer_name',
  'signer_title',
  'signer_name',
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema.alterTable('school').addColumn(column, 'text').execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [...COLUMNS].reverse()) {
    await db.schema.alterTable('school').dropColumn(column).execute()
  }
}
