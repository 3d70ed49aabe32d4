import type { Db } from '@caitien/db'
import { documentParty, type DocumentParty, type DocumentSettings } from '@caitien/shared'
import {
  findPrincipalName,
  findSchoolDocumentSettings,
  updateSchoolDocumentSettings,
} from './account.repository.ts'

/**
 * A school's document settings as stored, and what its documents print with the defaults
 * filled in; undefined for a school that does not exist.
 */
export async function loadDocumentSettings(db: Db, schoolId: string) {
  const [school, principalName] = await Promise.all([
    findSchoolDocumentSettings(db, schoolId),
    findPrincipalName(db, schoolId),
  ])
  if (!school) return undefined
  const unset = Object.fromEntries(
    Object.keys(school.settings).map((k) => [k, null]),
  ) as unknown as DocumentSettings
  return {
    settings: school.settings,
    printed: documentParty(school, principalName),
    /** What documents print for a field left empty. */
    defaults: documentParty({ name: school.name, settings: unset }, principalName),
  }
}

/** What a document prints of its school (ND30 header and signature block). */
export async function loadDocumentParty(db: Db, schoolId: string): Promise<DocumentParty> {
  const loaded = await loadDocumentSettings(db, schoolId)
  if (!loaded) throw new Error(`no school ${schoolId}`)
  return loaded.printed
}

export async function saveDocumentSettings(
  db: Db,
  schoolId: string,
  settings: DocumentSettings,
): Promise<void> {
  await updateSchoolDocumentSettings(db, schoolId, settings)
}
