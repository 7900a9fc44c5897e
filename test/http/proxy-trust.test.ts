import { describe, expect, it } from '@jest/globals';
import { ProxyTrust } from '../../src/http/proxy-trust.js';

describe('ProxyTrust', () => {
  const loopback = new ProxyTrust(['loopback']);
  const ranges = new ProxyTrust(['10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
  const nobody = new ProxyTrust([]);

  it.each([
    [loopback, '127.0.0.1', true], [loopback, '127.3.4.5', true], [loopback, '::1', true], [loopback, '::ffff:127.0.0.1', true],
    [loopback, '192.0.2.7', false], [ranges, '10.20.30.40', true], [ranges, 'fd12::1', true], [ranges, '192.0.2.7', true],
    [ranges, '192.0.2.8', false], [ranges, '127.0.0.1', false], [nobody, '127.0.0.1', false], [loopback, 'not-an-ip', false],
  ])('%#: trusts %s → %s', (trust, address, expected) => {
    expect(trust.trusts(address)).toBe(expected);
  });

  it('takes the right-most forwarded address that is not one of our proxies', () => {
    expect(loopback.clientOf('127.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(ranges.clientOf('10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(loopback.clientOf('127.0.0.1', undefined)).toBe('127.0.0.1');
    expect(loopback.clientOf('127.0.0.1', 'garbage, 203.0.113.9')).toBe('203.0.113.9');
    expect(loopback.clientOf('127.0.0.1', '203.0.113.9, garbage')).toBe('127.0.0.1');
  });

  it('ignores forwarding headers from a peer that is not a proxy of ours', () => {
    expect(loopback.clientOf('198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
    expect(nobody.clientOf('::ffff:127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
    expect(loopback.isHttps('198.51.100.4', 'https', false)).toBe(false);
  });

  it('believes X-Forwarded-Proto from our proxies only, and our own TLS always', () => {
    expect(loopback.isHttps('127.0.0.1', 'https', false)).toBe(true);
    expect(loopback.isHttps('127.0.0.1', 'https, http', false)).toBe(true);
    expect(loopback.isHttps('127.0.0.1', 'http', false)).toBe(false);
    expect(nobody.isHttps('127.0.0.1', undefined, true)).toBe(true);
  });
});
