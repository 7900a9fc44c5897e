import { afterEach, describe, expect, it } from '@jest/globals';
import { fromPromise } from 'xstate';
import { cssAssistant } from '../../machines/css-assistant/index.js';
import { pensionStatus } from '../../machines/pension-status/index.js';
import { MemoryPipeline } from '../../src/adapters/memory/memory-pipeline.js';
import { DryRunMessageSender } from '../../src/adapters/whatsapp/dry-run-message-sender.js';
import type { InboundMessage } from '../../src/domain/inbound.js';
import { ConversationWorker } from '../../src/engine/conversation-worker.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPseudonymizer } from '../../src/observability/pseudonymize.js';
import type { Interaction } from '../../src/ports/interaction-recorder.js';
import { eventually } from '../support/eventually.js';
import { withoutEffects } from '../support/no-effects.js';

const text = (phoneNumberId: string, wamid: string, body: string): InboundMessage => ({
  wamid, user: { id: '221770000009', phone: '221770000009' }, phoneNumberId, timestamp: 1_764_000_000, content: { type: 'text', body },
});

describe('analytics records', () => {
  let worker: ConversationWorker;
  afterEach(async () => worker.stop());

  it('keep a pseudonymous user, and typed texts only for machines that allow it', async () => {
    const records: Interaction[] = [];
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    const askQuestion = fromPromise<string, { question: string }>(async () => 'Réponse');
    const live = { CSS: { ...cssAssistant, machine: cssAssistant.machine.provide({ actors: { askQuestion } }) }, PENSION: pensionStatus };
    worker = new ConversationWorker({
      source: pipeline, ...withoutEffects(pipeline), concurrency: 2, settleTimeoutMs: 1000, sender: new DryRunMessageSender({ logger: silentLogger() }),
      machineFor: (number) => (number === 'PENSION' ? live.PENSION : live.CSS),
      logger: silentLogger(), metrics: createMetrics(), pseudonym: createPseudonymizer('k'), analytics: { record: (r) => void records.push(r) },
    });
    worker.start();
    await pipeline.accept([text('CSS', 'w1', 'Quel est le taux ?'), text('PENSION', 'w2', '1234567A')]);
    await eventually(() => records.length === 2);
    const byMachine = Object.fromEntries(records.map((r) => [r.machineId, r]));
    expect(byMachine['css-assistant']).toMatchObject({ question: 'Quel est le taux ?', outcome: 'ok', platform: 'whatsapp' });
    expect(byMachine['pension-status']?.question).toBeUndefined();
    expect(JSON.stringify(records)).not.toContain('221770000009');
    expect(JSON.stringify(records)).not.toContain('1234567A');
  });
});
