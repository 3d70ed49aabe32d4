import { BlockList, isIP } from 'node:net'

/** The reverse proxies whose X-Forwarded-For we believe (CAITIEN_TRUST_PROXY). */
export interface TrustedProxies {
  has(address: string): boolean
}

/** '::ffff:10.0.0.1' → '10.0.0.1', IPv6 lower-case: one client, one spelling. */
function normalize(address: string): string {
  const lower = address.trim().toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  return mapped ? mapped[1]! : lower
}

/**
 * Reads CAITIEN_TRUST_PROXY: empty (the default) trusts nobody; otherwise a comma-separated
 * list of addresses and CIDR ranges, e.g. `127.0.0.1,::1` for nginx on the same machine or
 * `10.0.0.0/8`. Throws on an entry that is neither.
 */
export function parseTrustedProxies(text: string | undefined): TrustedProxies | undefined {
  const entries = (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  if (entries.length === 0) return undefined
  const list = new BlockList()
  for (const entry of entries) {
    const [, address = '', bits] = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry) ?? []
    const family = isIP(address)
    const max = family === 4 ? 32 : 128
    const prefix = bits === undefined ? max : Number(bits)
    if (!family || prefix > max) throw new Error(`not an IP address or CIDR range: ${entry}`)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (prefix === max) list.addAddress(address, type)
    else list.addSubnet(address, prefix, type)
  }
  return {
    has(address) {
      const family = isIP(address)
      return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6')
    },
  }
}

/** An X-Forwarded-For entry as an address: '[::1]:443' and '1.2.3.4:80' lose their port. */
function entryAddress(entry: string): string {
  const text = entry.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)
  if (bracketed) return normalize(bracketed[1]!)
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(text)
  return normalize(withPort ? withPort[1]! : text)
}

/**
 * The client's address for throttling. The peer's, unless the peer is a trusted proxy:
 * then X-Forwarded-For is read from the right (each proxy appends the address it saw)
 * and the first entry that is not itself a trusted proxy is the client. Entries left of
 * it were written by the client and are never believed. Without trusted proxies the
 * header is ignored entirely.
 *
 * @example
 * resolveClientAddress('127.0.0.1', '6.6.6.6, 203.0.113.5', parseTrustedProxies('127.0.0.1'))
 * // → '203.0.113.5'
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies | undefined,
): string {
  const address = peer ? normalize(peer) : 'unknown'
  if (!trusted || !peer || !trusted.has(address) || !forwardedFor) return address
  const entries = forwardedFor.split(',').map(entryAddress)
  let client = address
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!
    // An empty or garbled entry is where the trustworthy part of the header ends.
    if (!isIP(entry)) break
    client = entry
    if (!trusted.has(entry)) break
  }
  return client
}
