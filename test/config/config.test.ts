import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('runs with no configuration at all, on the contract defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      redisUrl: undefined,
      whatsappToken: undefined,
      appSecret: undefined,
      verifyToken: undefined,
      whatsappApiUrl: 'https://graph.facebook.com/v25.0',
      cssApiUrl: 'http://localhost:8000',
      cssApiTimeoutMs: 30_000,
      sessionTtlSeconds: 1800,
    });
  });

  it('reads every variable and drops a trailing slash from base URLs', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'redis://127.0.0.1:6379/3',
      WHATSAPP_TOKEN: 't',
      WHATSAPP_APP_SECRET: 's',
      WEBHOOK_VERIFY_TOKEN: 'v',
      WHATSAPP_API_URL: 'http://127.0.0.1:9999/v25.0/',
      CSS_API_URL: 'http://css.local:8000/',
      CSS_API_TIMEOUT_MS: '1500',
      SESSION_TTL_SECONDS: '60',
    });
    expect(config).toMatchObject({ port: 8080, redisUrl: 'redis://127.0.0.1:6379/3', whatsappApiUrl: 'http://127.0.0.1:9999/v25.0', cssApiUrl: 'http://css.local:8000', cssApiTimeoutMs: 1500, sessionTtlSeconds: 60 });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a number \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be at most 65535/],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL must be a redis:\/\//],
    [{ WHATSAPP_API_URL: 'graph.facebook.com' }, /^WHATSAPP_API_URL must be an http\(s\) URL/],
    [{ CSS_API_TIMEOUT_MS: '-5' }, /^CSS_API_TIMEOUT_MS must be at least/],
    [{ SESSION_TTL_SECONDS: '1.5' }, /^SESSION_TTL_SECONDS must be a whole number/],
    [{ REDIS_CLUSTER_NODES: '127.0.0.1' }, /^REDIS_CLUSTER_NODES must be a comma-separated host:port list/],
    [{ REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_URL: 'redis://127.0.0.1:6379' }, /^REDIS_CLUSTER_NODES cannot be combined with REDIS_URL/],
    [{ WORKERS: '2' }, /^WORKERS above 1 needs REDIS_URL or REDIS_CLUSTER_NODES/],
    [{ NODE_ENV: 'production' }, /^WHATSAPP_APP_SECRET must be set when NODE_ENV=production/],
    [{ MESSAGE_RATE_XOF: '20 F' }, /^MESSAGE_RATE_XOF must be a price in francs CFA per message, such as 20 or 12.5 \(got "20 F"\)$/],
    [{ MESSAGE_RATE_XOF: '-3' }, /^MESSAGE_RATE_XOF must be a price/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the price of a billed message, which has no default', () => {
    expect(loadConfig({}).messageRateXof).toBeUndefined();
    expect(loadConfig({ MESSAGE_RATE_XOF: '12.5' }).messageRateXof).toBe(12.5);
    expect(loadConfig({ MESSAGE_RATE_XOF: ' 20 ' }).messageRateXof).toBe(20);
  });

  it('reads a Redis Cluster node list', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000, 127.0.0.1:7001' }).redisClusterNodes).toEqual([
      { host: '127.0.0.1', port: 7000 },
      { host: '127.0.0.1', port: 7001 },
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ REDIS_URL: '', WHATSAPP_TOKEN: ' ' })).toMatchObject({ redisUrl: undefined, whatsappToken: undefined });
  });
});
