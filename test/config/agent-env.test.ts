import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { agentEnv } from '../../src/config/agent-env.js';
import { loadConfig } from '../../src/config/config.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const chatwoot = {
  CHATWOOT_URL: 'https://chatwoot.example.org/',
  CHATWOOT_ACCOUNT_ID: '1',
  CHATWOOT_INBOX_ID: '7',
  CHATWOOT_API_TOKEN: 'token',
  CHATWOOT_WEBHOOK_SECRET: 'a-secret-of-32-characters-at-least',
};

describe('the live agent variables', () => {
  it('leave Chatwoot off by default, office hours on Dakar time', () => {
    const config = loadConfig({});
    expect(config.chatwoot).toBeUndefined();
    expect(config.officeHours).toEqual({ fromDay: 1, toDay: 5, opensAt: 8 * 60, closesAt: 17 * 60, timeZone: 'Africa/Dakar' });
    expect(config.agentReplyTimeoutMs).toBe(30 * 60_000);
  });

  it('turn Chatwoot on when all five are set, phone numbers kept from agents unless shared', () => {
    expect(loadConfig(chatwoot).chatwoot).toEqual({
      url: 'https://chatwoot.example.org',
      accountId: 1,
      inboxId: 7,
      apiToken: 'token',
      webhookSecret: chatwoot.CHATWOOT_WEBHOOK_SECRET,
      sharePhone: false,
      timeoutMs: 10_000,
    });
    expect(loadConfig({ ...chatwoot, CHATWOOT_SHARE_PHONE: '1' }).chatwoot?.sharePhone).toBe(true);
  });

  it.each([
    [{ CHATWOOT_URL: 'https://cw.example' }, /^CHATWOOT_ACCOUNT_ID, CHATWOOT_INBOX_ID, CHATWOOT_API_TOKEN, CHATWOOT_WEBHOOK_SECRET must be set too/],
    [{ ...chatwoot, CHATWOOT_INBOX_ID: 'seven' }, /^CHATWOOT_INBOX_ID must be a positive whole number/],
    [{ ...chatwoot, CHATWOOT_WEBHOOK_SECRET: 'short' }, /^CHATWOOT_WEBHOOK_SECRET must be at least 16 characters/],
    [{ ...chatwoot, CHATWOOT_URL: 'ftp://x' }, /^CHATWOOT_URL must be an http\(s\) URL/],
    [{ AGENT_OFFICE_HOURS: 'weekdays' }, /^AGENT_OFFICE_HOURS must read like/],
    [{ AGENT_OFFICE_HOURS: '1-5 17:00-08:00' }, /^AGENT_OFFICE_HOURS must close after it opens/],
    [{ AGENT_TIMEZONE: 'Mars/Olympus' }, /^AGENT_TIMEZONE must be an IANA time zone/],
  ])('refuse %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each(['.env.example', 'README.md'])('are all documented in %s', (file) => {
    const text = read(file);
    expect(Object.keys(agentEnv).filter((name) => !text.includes(name))).toEqual([]);
  });
});
