import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig: what bounds outsiders and failing neighbours', () => {
  it('has safe defaults: loopback only, loopback proxies, bounded connections, times and sizes', () => {
    expect(loadConfig({})).toMatchObject({
      host: '127.0.0.1',
      trustedProxies: ['loopback'],
      maxConnections: 1000,
      maxConnectionsPerClient: 100,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 10_000,
      adminLoginAttempts: 10,
      metricsToken: undefined,
      messageMaxAgeSeconds: 86_400,
      whatsappApiTimeoutMs: 15_000,
      cssAnswerMaxChars: 11_000,
      mediaHosts: ['lookaside.fbsbx.com'],
    });
  });

  it('reads every variable', () => {
    expect(loadConfig({
      HOST: '0.0.0.0', TRUSTED_PROXIES: '10.0.0.0/8, fd00::/8,192.0.2.7', MAX_CONNECTIONS: '50', MAX_CONNECTIONS_PER_CLIENT: '5',
      HEADERS_TIMEOUT_MS: '2000', BODY_TIMEOUT_MS: '3000', ADMIN_LOGIN_ATTEMPTS: '3', METRICS_TOKEN: 'a-metrics-token-0123',
      MESSAGE_MAX_AGE_SECONDS: '3600', WHATSAPP_API_TIMEOUT_MS: '5000', CSS_ANSWER_MAX_CHARS: '1200', MEDIA_HOSTS: 'Lookaside.fbsbx.com,cdn.example',
    })).toMatchObject({
      host: '0.0.0.0', trustedProxies: ['10.0.0.0/8', 'fd00::/8', '192.0.2.7'], maxConnections: 50, maxConnectionsPerClient: 5,
      headersTimeoutMs: 2000, bodyTimeoutMs: 3000, adminLoginAttempts: 3, metricsToken: 'a-metrics-token-0123',
      messageMaxAgeSeconds: 3600, whatsappApiTimeoutMs: 5000, cssAnswerMaxChars: 1200, mediaHosts: ['lookaside.fbsbx.com', 'cdn.example'],
    });
    expect(loadConfig({ TRUSTED_PROXIES: 'none' }).trustedProxies).toEqual([]);
  });

  it('keeps the message age within a shorter dedup window by default', () => {
    expect(loadConfig({ DEDUP_WINDOW_SECONDS: '600' }).messageMaxAgeSeconds).toBe(600);
  });

  it.each([
    [{ HOST: 'not a host!' }, /^HOST must be an IP address or a host name/],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /^TRUSTED_PROXIES must be loopback, none, or a comma-separated list/],
    [{ TRUSTED_PROXIES: 'proxy.local' }, /^TRUSTED_PROXIES must be/],
    [{ TRUSTED_PROXIES: 'none,loopback' }, /^TRUSTED_PROXIES cannot combine none/],
    [{ MAX_CONNECTIONS: '0' }, /^MAX_CONNECTIONS must be at least 1/],
    [{ HEADERS_TIMEOUT_MS: 'soon' }, /^HEADERS_TIMEOUT_MS must be a number/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN must be at least 16 characters/],
    [{ MESSAGE_MAX_AGE_SECONDS: '7200', DEDUP_WINDOW_SECONDS: '3600' }, /^MESSAGE_MAX_AGE_SECONDS \(7200\) must not exceed DEDUP_WINDOW_SECONDS \(3600\)/],
    [{ CSS_ANSWER_MAX_CHARS: '10' }, /^CSS_ANSWER_MAX_CHARS must be at least 500/],
    [{ MEDIA_HOSTS: 'http://cdn.example' }, /^MEDIA_HOSTS must be a comma-separated list of host names/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
