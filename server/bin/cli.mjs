#!/usr/bin/env node
// `pnpm cli …` from the workspace root runs this bin directly (no script banner on stdout),
// so `pnpm cli plan:parse FILE` prints nothing but the JSON. tsx compiles the TypeScript source.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
