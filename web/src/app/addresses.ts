import { CHECKPOINTS, isMonth, type Checkpoint } from '@caitien/shared'

/*
 * Every screen's address, in one table: `pathOf` builds an address from a screen and
 * `screenOf` reads one back. Nothing else in the web app spells a path; links, redirects
 * and the login's `next` all go through here, so a screen's address changes in one place.
 */

/** A screen of the app, as an address names it. */
export type Screen =
  /** `/`: no screen chosen yet; the app lands on the person's plan. */
  | { kind: 'home' }
  /** `/login?next=/plans/…`: after logging in, `next` (a same-origin path) is opened. */
  | { kind: 'login'; next: string | null }
  | { kind: 'board'; planId: string }
  /** The card's panel over its plan's board. */
  | { kind: 'card'; planId: string; cardId: string }
  /** The monitoring team's review queue over the board. */
  | { kind: 'reviews'; planId: string }
  /** The monthly dashboard over the board; no month: the dashboard's own choice. */
  | { kind: 'progress'; planId: string; month: string | null }
  | { kind: 'plan-settings'; planId: string }
  | { kind: 'plan-history'; planId: string }
  /** A plan's checkpoint reviews (Rà soát định kỳ); with a checkpoint, that review open. */
  | { kind: 'checkpoints'; planId: string; checkpoint: Checkpoint | null }
  /** The school's plans across its school years, with their results. */
  | { kind: 'school-years'; schoolId: string }
  | { kind: 'account' }
  | { kind: 'people' }
  | { kind: 'schools' }
  /** The system administrator's overseeing bodies (docs/decisions/029). */
  | { kind: 'bodies' }
  /** An overseeing body's roll-up of its schools (docs/decisions/029). */
  | { kind: 'oversight' }

export type ScreenKind = Screen['kind']

/** The screens about one plan. */
export type PlanScreen = Extract<Screen, { planId: string }>

const seg = encodeURIComponent

/**
 * The address of a screen.
 *
 * @example
 * pathOf({ kind: 'card', planId: 'p1', cardId: 'c9' }) // → '/plans/p1/cards/c9'
 * pathOf({ kind: 'login', next: '/plans/p1' }) // → '/login?next=%2Fplans%2Fp1'
 */
export function pathOf(screen: Screen): string {
  switch (screen.kind) {
    case 'home':
      return '/'
    case 'login':
      return screen.next && screen.next !== '/'
        ? `/login?${new URLSearchParams({ next: screen.next }).toString()}`
        : '/login'
    case 'board':
      return `/plans/${seg(screen.planId)}`
    case 'card':
      return `/plans/${seg(screen.planId)}/cards/${seg(screen.cardId)}`
    case 'reviews':
      return `/plans/${seg(screen.planId)}/reviews`
    case 'progress':
      return `/plans/${seg(screen.planId)}/progress${screen.month ? `/${screen.month}` : ''}`
    case 'plan-settings':
      return `/plans/${seg(screen.planId)}/settings`
    case 'plan-history':
      return `/plans/${seg(screen.planId)}/history`
    case 'checkpoints':
      return `/plans/${seg(screen.planId)}/checkpoints${screen.checkpoint ? `/${screen.checkpoint}` : ''}`
    case 'school-years':
      return `/schools/${seg(screen.schoolId)}/years`
    case 'account':
      return '/account'
    case 'people':
      return '/people'
    case 'schools':
      return '/admin/schools'
    case 'bodies':
      return '/admin/bodies'
    case 'oversight':
      return '/oversight'
  }
}

/** An id as it may appear in a path segment: ids are UUIDs, seeds and tests use short names. */
const ID = /^[A-Za-z0-9_-]{1,64}$/

function decodeId(segment: string | undefined): string | null {
  if (segment === undefined) return null
  let id: string
  try {
    id = decodeURIComponent(segment)
  } catch {
    return null
  }
  return ID.test(id) ? id : null
}

/**
 * The screen an address shows; null for an address that names no screen (the app shows
 * "not found"). `search` is the query string, with or without its '?'.
 *
 * @example
 * screenOf('/plans/p1/progress/2026-11') // → { kind: 'progress', planId: 'p1', month: '2026-11' }
 */
export function screenOf(path: string, search = ''): Screen | null {
  if (!path.startsWith('/')) return null
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path
  const parts = trimmed === '/' ? [] : trimmed.slice(1).split('/')
  if (parts.some((p) => p === '')) return null
  const [first, planSegment, sub, arg, ...rest] = parts
  if (first === undefined) return { kind: 'home' }
  if (first === 'login' && parts.length === 1) {
    return { kind: 'login', next: safeNext(new URLSearchParams(search).get('next')) }
  }
  if (first === 'account' && parts.length === 1) return { kind: 'account' }
  if (first === 'people' && parts.length === 1) return { kind: 'people' }
  if (first === 'oversight' && parts.length === 1) return { kind: 'oversight' }
  if (first === 'admin' && planSegment === 'schools' && parts.length === 2) {
    return { kind: 'schools' }
  }
  if (first === 'admin' && planSegment === 'bodies' && parts.length === 2) {
    return { kind: 'bodies' }
  }
  if (first === 'schools' && sub === 'years' && parts.length === 3) {
    const schoolId = decodeId(planSegment)
    return schoolId ? { kind: 'school-years', schoolId } : null
  }
  if (first !== 'plans' || rest.length > 0) return null
  const planId = decodeId(planSegment)
  if (!planId) return null
  if (sub === undefined) return { kind: 'board', planId }
  if (sub === 'cards') {
    const cardId = decodeId(arg)
    return cardId ? { kind: 'card', planId, cardId } : null
  }
  if (sub === 'progress') {
    if (arg === undefined) return { kind: 'progress', planId, month: null }
    return isMonth(arg) ? { kind: 'progress', planId, month: arg } : null
  }
  if (sub === 'checkpoints') {
    if (arg === undefined) return { kind: 'checkpoints', planId, checkpoint: null }
    const checkpoint = CHECKPOINTS.find((c) => c === arg)
    return checkpoint ? { kind: 'checkpoints', planId, checkpoint } : null
  }
  if (arg !== undefined) return null
  if (sub === 'reviews') return { kind: 'reviews', planId }
  if (sub === 'settings') return { kind: 'plan-settings', planId }
  if (sub === 'history') return { kind: 'plan-history', planId }
  return null
}

/**
 * The path to open after logging in, when `next` is one of our own screens; null for
 * anything else: another origin (`//evil.example`, `https://…`, `/\evil`), a script URL,
 * control characters, the login page itself, or an address that names no screen.
 * What comes back is rebuilt from the parsed screen, never the raw text.
 *
 * @example
 * safeNext('/plans/p1/cards/c9') // → '/plans/p1/cards/c9'
 * safeNext('//evil.example/plans/p1') // → null
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || next.length > 512) return null
  if (!next.startsWith('/') || next.startsWith('//')) return null
  // A backslash or a control character can turn into another origin in some browsers.
  if (next.includes('\\') || [...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u007f')) {
    return null
  }
  let url: URL
  try {
    url = new URL(next, 'http://caitien.invalid')
  } catch {
    return null
  }
  if (url.origin !== 'http://caitien.invalid') return null
  const screen = screenOf(url.pathname, url.search)
  if (!screen || screen.kind === 'login' || screen.kind === 'home') return null
  return pathOf(screen)
}

/** The plan a screen is about, if any. */
export function planOf(screen: Screen | null): string | null {
  return screen && 'planId' in screen ? screen.planId : null
}
