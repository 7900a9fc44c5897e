import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LedgerTotals } from '../ports/message-ledger.js';

/**
 * Every Prometheus metric of the process, on a registry of its own (so tests and several apps in one
 * process never collide). Served as text at `GET /metrics`.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let readQueue: QueueReader | undefined;
  /** Reads the queue once per scrape; a store that does not answer leaves the gauges as they were. */
  const queueStats = async () => {
    try {
      return readQueue ? await readQueue() : undefined;
    } catch {
      return undefined;
    }
  };
  let readCosts: (() => Promise<LedgerTotals>) | undefined;
  /** The ledger's totals, read at each scrape: every process's messages, not only this one's. */
  const costTotals = async () => {
    try {
      return readCosts ? await readCosts() : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    registry,
    /** Gives the queue gauges their source (the pipeline), once it exists. */
    watchQueue(reader: QueueReader) {
      readQueue = reader;
    },
    /** Gives the message gauges their source (the message ledger), once it exists. */
    watchMessageLedger(reader: () => Promise<LedgerTotals>) {
      readCosts = reader;
    },
    // Counters whose value is the store's, set at each scrape: every process reports the same totals.
    messagesSent: new Counter({
      name: 'wa_messages_sent_total',
      help: 'Messages the Graph API accepted, by machine and state that sent them; every process on the store together',
      labelNames: ['machine', 'state'] as const,
      registers,
      async collect() {
        const totals = await costTotals();
        if (!totals) return;
        this.reset();
        for (const { machine, state, count } of totals.sent) this.inc({ machine, state }, count);
      },
    }),
    messagesPriced: new Counter({
      name: 'wa_messages_priced_total',
      help: 'Sent messages Meta priced (status webhooks with pricing, each message once), by machine, state, pricing category and billable',
      labelNames: ['machine', 'state', 'category', 'billable'] as const,
      registers,
      async collect() {
        const totals = await costTotals();
        if (!totals) return;
        this.reset();
        for (const { machine, state, category, billable, count } of totals.priced) this.inc({ machine, state, category, billable }, count);
      },
    }),
    queueDepth: new Gauge({
      name: 'wa_queue_depth',
      help: 'Work tickets (accepted deliveries) not yet completed',
      registers,
      async collect() {
        const stats = await queueStats();
        if (stats) this.set(stats.depth);
      },
    }),
    queueOldestAgeSeconds: new Gauge({
      name: 'wa_queue_oldest_age_seconds',
      help: 'How long the oldest uncompleted work ticket has waited',
      registers,
      async collect() {
        const stats = await queueStats();
        if (stats) this.set(stats.oldestAgeMs / 1000);
      },
    }),
    webhookRequests: new Counter({
      name: 'wa_webhook_requests_total',
      help: 'POST /webhook requests by outcome (accepted, bad_signature, bad_json, too_large, store_unavailable)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    inboundMessages: new Counter({
      name: 'wa_inbound_messages_total',
      help: 'Inbound messages by content type and whether they were new or duplicate deliveries',
      labelNames: ['type', 'delivery'] as const,
      registers,
    }),
    unknownShapes: new Counter({
      name: 'wa_webhook_unknown_shapes_total',
      help: 'Signed webhook items of a shape the parser does not know (ignored)',
      registers,
    }),
    statuses: new Counter({
      name: 'wa_statuses_total',
      help: 'Status updates about sent messages, by status',
      labelNames: ['status'] as const,
      registers,
    }),
    turns: new Counter({
      name: 'wa_turns_total',
      help: 'Conversation turns by machine and outcome (ok, restarted, failed, timed_out, ignored)',
      labelNames: ['machine', 'outcome'] as const,
      registers,
    }),
    transitions: new Counter({
      name: 'wa_transitions_total',
      help: 'Handled messages by machine, state reached and event type',
      labelNames: ['machine', 'state', 'event'] as const,
      registers,
    }),
    turnSeconds: new Histogram({
      name: 'wa_turn_duration_seconds',
      help: 'Time to run one input through its machine and commit it (effects such as CSS calls run apart)',
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    cssSeconds: new Histogram({
      name: 'wa_css_request_duration_seconds',
      help: 'CSS API calls (questions, files, media) by endpoint and outcome',
      labelNames: ['endpoint', 'outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30],
      registers,
    }),
    sends: new Counter({
      name: 'wa_outbound_sends_total',
      help: 'Outbound messages by result (sent, retried, dead_letter: moved to the dead letters) and Meta error code',
      labelNames: ['result', 'code'] as const,
      registers,
    }),
    floodDrops: new Counter({
      name: 'wa_inbound_flood_drops_total',
      help: 'User messages over the per-user inbound limit, not sent to the machine',
      registers,
    }),
    activeLanes: new Gauge({
      name: 'wa_active_lanes',
      help: 'Conversations this process is working on right now',
      registers,
    }),
    effectsInFlight: new Gauge({
      name: 'wa_effects_in_flight',
      help: 'Effect calls (CSS API…) this process holds now, from leaving the queue to their outcome being stored, by effect',
      labelNames: ['effect'] as const,
      registers,
    }),
    effectsQueued: new Gauge({
      name: 'wa_effects_queued',
      help: 'Effect calls waiting for a free slot (EFFECTS_MAX_IN_FLIGHT, CSS_API_CONCURRENCY), by effect',
      labelNames: ['effect'] as const,
      registers,
    }),
    effectQueueSeconds: new Histogram({
      name: 'wa_effect_queue_wait_seconds',
      help: 'Time an effect call waited for a free slot before it ran',
      labelNames: ['effect'] as const,
      buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    effectSeconds: new Histogram({
      name: 'wa_effect_duration_seconds',
      help: 'Effect calls by effect and outcome (ok, error, timeout), from their start to their outcome',
      labelNames: ['effect', 'outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60],
      registers,
    }),
    effectsRecovered: new Counter({
      name: 'wa_effects_recovered_total',
      help: 'Effect calls run again because the process that started them died before their outcome was stored',
      labelNames: ['effect'] as const,
      registers,
    }),
    effectResultsDropped: new Counter({
      name: 'wa_effect_results_dropped_total',
      help: 'Effect outcomes not applied because the conversation had left the state that asked (or the session ended)',
      labelNames: ['effect'] as const,
      registers,
    }),
    ...agentMetrics(registers),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

type QueueReader = () => Promise<{ readonly depth: number; readonly oldestAgeMs: number }>;

/** Live agent handoff: how many start, how long citizens wait for a person, how many are resolved or not delivered. */
function agentMetrics(registers: Registry[]) {
  return {
    handoffsStarted: new Counter({ name: 'wa_handoffs_started_total', help: 'Conversations handed to a person (agents’ inbox)', registers }),
    handoffsResolved: new Counter({ name: 'wa_handoffs_resolved_total', help: 'Handoffs an agent resolved, the citizen back with the bot', registers }),
    agentFirstReplySeconds: new Histogram({
      name: 'wa_agent_first_reply_seconds',
      help: 'Time from a handoff to the first agent reply delivered to the citizen',
      buckets: [30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14_400, 43_200, 86_400],
      registers,
    }),
    agentRepliesUndelivered: new Counter({
      name: 'wa_agent_replies_undelivered_total',
      help: 'Agent replies not sent to WhatsApp (24-hour window closed, session gone); the agents got a private note',
      labelNames: ['reason'] as const,
      registers,
    }),
    chatwootWebhooks: new Counter({
      name: 'wa_chatwoot_webhooks_total',
      help: 'Chatwoot webhook deliveries by outcome (accepted, duplicate, ignored, unknown_citizen, unauthorized, invalid)',
      labelNames: ['outcome'] as const,
      registers,
    }),
  };
}
