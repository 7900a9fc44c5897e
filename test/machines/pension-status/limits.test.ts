import { describe, expect, it } from '@jest/globals';
import { pensionStatus, texts } from '../../../machines/pension-status/index.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import { findLimitViolations } from '../../../src/domain/validate-outbound.js';
import { choice, text } from '../run-machine.js';
import { FILES, buttonIds, fakeFiles, play } from './fake-lookup.js';

const samples = pensionStatus.sampleEvents ?? [];

/** Every resting state, reached from a new session (the first message carries a very long profile name). */
const reach: Record<string, readonly UserEvent[]> = {
  welcome: [],
  askingNumber: [text('bonjour', 1000, 'Nom '.repeat(300))],
  confirming: [text(FILES.dated, 1000, 'Nom '.repeat(300))],
  showingStatus: [text(FILES.dated, 1000), choice('confirmer', 1500)],
  notFound: [text(FILES.unknown, 1000), choice('confirmer', 1500)],
  help: [text('aide', 1000)],
};

// A CSS that answers with an overlong label, fails for one number and knows no other.
const lookup = (n: string) => (n === '1234567890' ? { found: true, status: 'Statut '.repeat(800), updatedAt: '2025-01-02' } : fakeFiles(n));

describe('pension-status: WhatsApp limits and sample events', () => {
  it.each(Object.keys(reach))('in %s, every sample event gets an answer within the Cloud API limits', async (state) => {
    for (const event of samples) {
      const steps = await play([...reach[state]!, event], { lookup });
      const last = steps.at(-1)!;
      const broken = last.replies.map((m) => [m.type === 'text' ? m.text.slice(0, 30) : m.body.slice(0, 30), findLimitViolations(m)]);
      expect({ event, broken: broken.filter(([, v]) => v!.length > 0) }).toEqual({ event, broken: [] });
      expect({ event, replies: last.replies.length > 0 }).toEqual({ event, replies: true });
    }
  });

  it('an overlong status from the CSS is clipped to fit a button body', async () => {
    const [, step] = await play([text('12-345-678-90', 1000), choice('confirmer', 2000)], { lookup });
    expect(step!.value).toBe('showingStatus');
    expect(step!.replies.flatMap(findLimitViolations)).toEqual([]);
  });

  it('sample events tap every button id the form offers, and include valid and invalid numbers, commands and media', async () => {
    const tour = await play([
      text(FILES.dated, 1000),
      choice('confirmer', 2000),
      text(FILES.unknown, 3000),
      choice('confirmer', 4000),
      text('aide', 5000),
      text('1', 6000),
      text(FILES.failing, 7000),
      choice('confirmer', 8000),
    ]);
    const offered = new Set(tour.flatMap((s) => s.replies.flatMap(buttonIds)));
    const tapped = new Set(samples.flatMap((e) => (e.type === 'user.choice' ? [e.id] : [])));
    expect([...offered].sort()).toEqual(Object.keys(texts.buttons).sort());
    expect([...tapped].sort()).toEqual([...offered].sort());
    const typed = samples.flatMap((e) => (e.type === 'user.text' ? [e.text] : []));
    expect(typed).toEqual(expect.arrayContaining(['1234567A', '123', 'aide', 'annuler', 'nouveau']));
    expect(samples.map((e) => e.type)).toEqual(expect.arrayContaining(['user.media', 'user.other']));
  });
});
