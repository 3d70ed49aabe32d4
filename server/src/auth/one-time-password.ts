import { randomInt } from 'node:crypto'

/** No 0/o, 1/l/i: read aloud or copied from a screen by a teacher without mistakes. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/**
 * A one-time password: three groups of four ("kp7m-x3qa-h9tz"), about 59 bits, shown once
 * to the person who set it; the account must choose its own at the next login.
 */
export function generateOneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  return `${group()}-${group()}-${group()}`
}
