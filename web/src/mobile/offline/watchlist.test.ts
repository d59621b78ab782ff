import { describe, expect, it } from 'vitest'
import { offlineHash } from './watchlist'

describe('offlineHash', () => {
  it('is the server\'s HMAC-SM3 of "resident_id|CHN|<number>" under the hex key', () => {
    // Reference value from `openssl dgst -sm3 -mac HMAC -macopt hexkey:…` (the server uses OpenSSL's SM3).
    const key = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'
    expect(offlineHash(key, '51990119770707555X')).toBe('07dd70897454c0c821809e6378ce842b273ad48d9ed88a8ec044d55e196bf72e')
  })
})
