import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assign, emit, fromPromise, setup } from 'xstate';
import { MemoryPipeline } from '../../src/adapters/memory/memory-pipeline.js';
import { DryRunMessageSender } from '../../src/adapters/whatsapp/dry-run-message-sender.js';
import { effectRunnerFromConfig } from '../../src/compose/effect-runner-from-config.js';
import { deferEffects } from '../../src/compose/live-machines.js';
import { loadConfig } from '../../src/config/config.js';
import type { ReplyEvent, UserEvent } from '../../src/domain/conversation.js';
import type { InboundMessage } from '../../src/domain/inbound.js';
import type { MachineDefinition } from '../../src/domain/machine-definition.js';
import type { OutboundMessage, Recipient } from '../../src/domain/outbound.js';
import { checkMachine } from '../../src/designer/check/index.js';
import { ConversationWorker } from '../../src/engine/conversation-worker.js';
import { effectNames, effects } from '../../src/effects/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createPseudonymizer } from '../../src/observability/pseudonymize.js';
import { eventually } from '../support/eventually.js';
import { findAppointment } from './find-appointment.effect.js';

// docs/designing.md, "Add an effect", step by step: the effect file, the registry line, the machine's placeholder
// and invoke; then the machine runs with it, through the runtime's own runner and lane.

/** A machine that asks for an appointment when the user names an agency. */
const appointments: MachineDefinition = {
  id: 'appointments',
  version: 1,
  sampleEvents: [{ type: 'user.text', text: 'Dakar Plateau', at: 0 }],
  machine: setup({
    types: { context: {} as { agency: string }, events: {} as UserEvent, emitted: {} as ReplyEvent },
    actors: { findAppointment: fromPromise<string, { agency: string }>(() => Promise.reject(new Error('findAppointment was not provided'))) },
  }).createMachine({
    id: 'appointments',
    initial: 'idle',
    context: { agency: '' },
    states: {
      idle: { on: { 'user.text': { target: 'searching', actions: assign({ agency: ({ event }) => event.text }) } } },
      searching: {
        tags: 'busy',
        invoke: {
          id: 'findAppointment',
          src: 'findAppointment',
          input: ({ context }) => ({ agency: context.agency }),
          onDone: { target: 'idle', actions: emit(({ event }) => ({ type: 'reply' as const, message: { type: 'text' as const, text: `Prochain rendez-vous : ${String(event.output)}` } })) },
          onError: { target: 'idle', actions: emit({ type: 'reply', message: { type: 'text', text: 'Service indisponible, réessayez.' } }) },
        },
      },
    },
  }),
};

describe('adding an effect as the designers’ guide says', () => {
  let api: Server;
  let url: string;
  const asked: unknown[] = [];
  beforeAll(async () => {
    api = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        asked.push({ path: req.url, body: JSON.parse(body) as unknown });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ slot: 'lundi 8 h 30' }));
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  it('is treated as provided by the check once registered', () => {
    const registered = [...effectNames, findAppointment.name];
    expect(checkMachine(appointments, { providedActors: registered })).toEqual([]);
    expect(checkMachine(appointments, { providedActors: effectNames }).map((p) => p.message).join()).toContain('findAppointment');
  });

  it('runs outside the lane and its output reaches the machine’s onDone', async () => {
    const config = loadConfig({ CSS_API_URL: url });
    const pipeline = new MemoryPipeline({ sessionTtlSeconds: 60, dedupWindowSeconds: 60 });
    const sent: Array<{ to: Recipient; message: OutboundMessage }> = [];
    const sender = new DryRunMessageSender({ logger: silentLogger() });
    const recording = { send: async (to: Recipient, message: OutboundMessage) => (sent.push({ to, message }), sender.send(to, message)) };
    const metrics = createMetrics();
    const runner = effectRunnerFromConfig(config, { journal: pipeline.effects, metrics, logger: silentLogger() }, [...effects, findAppointment]);
    const live = deferEffects(appointments, {}, [...effectNames, findAppointment.name]);
    const worker = new ConversationWorker({
      source: pipeline, inbox: pipeline, journal: pipeline.effects, runner, concurrency: 2, machineFor: () => live, settleTimeoutMs: 1000,
      sender: recording, logger: silentLogger(), metrics, pseudonym: createPseudonymizer(),
    });
    worker.start();
    try {
      const message: InboundMessage = {
        wamid: 'wamid.appointment', user: { id: '221770000123', phone: '221770000123' }, phoneNumberId: 'PN',
        timestamp: Math.floor(Date.now() / 1000), content: { type: 'text', body: 'Dakar Plateau' },
      };
      await pipeline.accept([message]);
      await eventually(() => sent.length === 1);
      expect(sent[0]?.message).toEqual({ type: 'text', text: 'Prochain rendez-vous : lundi 8 h 30' });
      expect(asked).toEqual([{ path: '/appointments/next', body: { agency: 'Dakar Plateau' } }]);
    } finally {
      await worker.stop(1000);
    }
  });
});
