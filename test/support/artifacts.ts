import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** test/.artifacts: screenshots and rendered documents kept for a person to look at. */
export function ARTIFACTS_DIR(): string {
  const dir = fileURLToPath(new URL('../.artifacts', import.meta.url))
  mkdirSync(dir, { recursive: true })
  return dir
}
