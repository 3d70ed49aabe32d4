// zod probes for eval with `new Function` unless told not to; under the server's strict
// CSP that probe is reported as a violation in the console even though zod catches it.
// zod reads this global config when its module first runs, so this import comes first.
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true }

export {}
