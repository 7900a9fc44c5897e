import { describe, expect, it } from '@jest/globals';
import { parse } from 'node:querystring';
import { answerHandshake } from '../../src/webhook/answer-handshake.js';

const TOKEN = 'vibecoding';
const valid = { 'hub.mode': 'subscribe', 'hub.verify_token': TOKEN, 'hub.challenge': '1158201444' };

describe('answerHandshake', () => {
  it('echoes the challenge verbatim, as a string, when mode and token match', () => {
    expect(answerHandshake(valid, TOKEN)).toEqual({ status: 200, body: '1158201444' });
    const odd = { ...valid, 'hub.challenge': '007 é/€ <x>' };
    expect(answerHandshake(odd, TOKEN)).toEqual({ status: 200, body: '007 é/€ <x>' });
  });

  it('reads a query string parsed by node:querystring (null prototype, flat keys)', () => {
    const query = parse('hub.mode=subscribe&hub.challenge=42&hub.verify_token=vibecoding');
    expect(answerHandshake(query, TOKEN)).toEqual({ status: 200, body: '42' });
  });

  it('reads a nested hub object, as qs-style parsers produce', () => {
    const query = { hub: { mode: 'subscribe', verify_token: TOKEN, challenge: 'abc' } };
    expect(answerHandshake(query, TOKEN)).toEqual({ status: 200, body: 'abc' });
  });

  it('refuses every handshake when no verify token is configured', () => {
    expect(answerHandshake(valid, undefined)).toEqual({ status: 403 });
    expect(answerHandshake({ ...valid, 'hub.verify_token': '' }, '')).toEqual({ status: 403 });
  });

  it.each([
    ['a wrong token', { ...valid, 'hub.verify_token': 'vibecodinG' }],
    ['a token that is a prefix', { ...valid, 'hub.verify_token': 'vibe' }],
    ['a longer token', { ...valid, 'hub.verify_token': `${TOKEN}x` }],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
    ['another mode', { ...valid, 'hub.mode': 'unsubscribe' }],
    ['an uppercase mode', { ...valid, 'hub.mode': 'SUBSCRIBE' }],
    ['no mode', { 'hub.verify_token': TOKEN, 'hub.challenge': '1' }],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': TOKEN }],
    ['an empty challenge', { ...valid, 'hub.challenge': '' }],
    ['a numeric challenge', { ...valid, 'hub.challenge': 1158201444 }],
    ['an array challenge', { ...valid, 'hub.challenge': ['1', '2'] }],
    ['an array token', { ...valid, 'hub.verify_token': [TOKEN, TOKEN] }],
    ['an array mode', { ...valid, 'hub.mode': ['subscribe'] }],
    ['both flat and nested keys', { ...valid, hub: { challenge: 'other' } }],
    ['an empty query', {}],
  ])('answers 403 to %s', (_label, query: Record<string, unknown>) => {
    expect(answerHandshake(query, TOKEN)).toEqual({ status: 403 });
  });

  it('answers 403 to repeated parameters parsed by node:querystring', () => {
    const query = parse('hub.mode=subscribe&hub.challenge=1&hub.challenge=2&hub.verify_token=vibecoding');
    expect(Array.isArray(query['hub.challenge'])).toBe(true);
    expect(answerHandshake(query, TOKEN)).toEqual({ status: 403 });
  });

  it('ignores inherited properties', () => {
    const query = Object.create({ 'hub.mode': 'subscribe', 'hub.verify_token': TOKEN, 'hub.challenge': '1' }) as Record<string, unknown>;
    expect(answerHandshake(query, TOKEN)).toEqual({ status: 403 });
  });
});
