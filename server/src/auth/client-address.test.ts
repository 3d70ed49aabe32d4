import { describe, expect, it } from 'vitest'
import { parseTrustedProxies, resolveClientAddress } from './client-address.ts'

const local = parseTrustedProxies('127.0.0.1, ::1')
const lan = parseTrustedProxies('10.0.0.0/8,fd00::/8')

describe('parseTrustedProxies', () => {
  it('trusts nobody when empty', () => {
    expect(parseTrustedProxies(undefined)).toBeUndefined()
    expect(parseTrustedProxies('')).toBeUndefined()
    expect(parseTrustedProxies(' , ')).toBeUndefined()
  })

  it('reads addresses and CIDR ranges of both families', () => {
    expect(local!.has('127.0.0.1')).toBe(true)
    expect(local!.has('::1')).toBe(true)
    expect(local!.has('127.0.0.2')).toBe(false)
    expect(lan!.has('10.200.3.4')).toBe(true)
    expect(lan!.has('11.0.0.1')).toBe(false)
    expect(lan!.has('fd12::7')).toBe(true)
    expect(lan!.has('not an address')).toBe(false)
  })

  it.each(['localhost', '10.0.0.0/33', '10.0.0.0/', '1.2.3.4/8/8', '::1/129', 'true', '1'])(
    'refuses %j',
    (text) => {
      expect(() => parseTrustedProxies(text)).toThrow(/not an IP address or CIDR range/)
    },
  )
})

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For entirely without trusted proxies', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.5', undefined)).toBe('127.0.0.1')
  })

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientAddress('198.51.100.7', '203.0.113.5', local)).toBe('198.51.100.7')
  })

  it('takes the right-most entry that is not a trusted proxy', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.5', local)).toBe('203.0.113.5')
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 203.0.113.5', local)).toBe('203.0.113.5')
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 203.0.113.5, 10.1.1.1', lan)).toBe(
      '203.0.113.5',
    )
  })

  it('keeps the peer when the header is missing, and stops at a garbled entry', () => {
    expect(resolveClientAddress('127.0.0.1', undefined, local)).toBe('127.0.0.1')
    expect(resolveClientAddress('127.0.0.1', '', local)).toBe('127.0.0.1')
    expect(resolveClientAddress('127.0.0.1', '203.0.113.5, nonsense', local)).toBe('127.0.0.1')
    expect(resolveClientAddress('10.0.0.2', 'x, 10.0.0.3', lan)).toBe('10.0.0.3')
  })

  it('spells one client one way: mapped IPv4, ports, brackets, case', () => {
    expect(resolveClientAddress('::ffff:127.0.0.1', '203.0.113.5:4711', local)).toBe('203.0.113.5')
    expect(resolveClientAddress('::1', '[2001:DB8::1]:443', local)).toBe('2001:db8::1')
    expect(resolveClientAddress('::ffff:198.51.100.7', undefined, undefined)).toBe('198.51.100.7')
  })

  it('answers unknown without a peer', () => {
    expect(resolveClientAddress(undefined, '203.0.113.5', local)).toBe('unknown')
  })
})
