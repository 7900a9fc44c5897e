import type { AddressInfo } from 'node:net';
import { Cluster, Redis } from 'ioredis';
import { createHttpClient } from './adapters/http/create-http-client.js';
import { MemoryAgentLinks } from './adapters/memory/memory-agent-links.js';
import { MemoryConversationMover } from './adapters/memory/memory-conversation-mover.js';
import { RedisAgentLinks } from './adapters/redis/redis-agent-links.js';
import { MemoryPipeline } from './adapters/memory/memory-pipeline.js';
import { RedisConversationMover } from './adapters/redis/redis-conversation-mover.js';
import { RedisPipeline } from './adapters/redis/redis-pipeline.js';
import { DryRunMessageSender } from './adapters/whatsapp/dry-run-message-sender.js';
import { GraphMessageSender } from './adapters/whatsapp/graph-message-sender.js';
import type { Config } from './config/config.js';
import { ConversationWorker } from './engine/conversation-worker.js';
import { IngestGauge } from './engine/ingest-gauge.js';
import { routeMachines } from './engine/machine-router.js';
import { effectRunnerFromConfig } from './compose/effect-runner-from-config.js';
import { inspectionFromConfig } from './compose/inspection-from-config.js';
import { appGuardsFromConfig } from './compose/app-guards-from-config.js';
import { connectRedis } from './compose/connect-redis.js';
import { liveMachines } from './compose/live-machines.js';
import { machines } from '../machines/index.js';
import { FlexibleRateLimits } from './adapters/rate-limit/flexible-rate-limits.js';
import { DAY_MS } from './analytics/interaction-store.js';
import { keepTrimmed } from './analytics/keep-trimmed.js';
import { MemoryInteractionRecorder } from './analytics/memory-interaction-recorder.js';
import { RedisInteractionRecorder } from './analytics/redis-interaction-recorder.js';
import { MemoryMessageLedger } from './analytics/memory-message-ledger.js';
import { RedisMessageLedger } from './analytics/redis-message-ledger.js';
import { createApp } from './http/create-app.js';
import { isLoopback, listen, urlHost } from './http/listen.js';
import { createPseudonymizer } from './observability/pseudonymize.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import type { ConversationCensus, Inbox, WorkSource } from './ports/conversation-pipeline.js';
import type { ConversationMover } from './ports/conversation-mover.js';
import type { EffectJournal } from './ports/effect-journal.js';

/** A running server: the HTTP listener plus the worker behind it. */
export interface RunningServer {
  readonly url: string;
  readonly metrics: Metrics;
  readonly pipeline: Pipeline;
  /** The local inspector relay (`INSPECT=local`). */
  readonly inspectorRelayUrl?: string;
  /** Stops taking webhooks, lets the lanes in hand finish, closes connections. */
  close(): Promise<void>;
}

/**
 * The composition root: configuration → clients → adapters → machines with their effects → app + worker.
 * The only place that builds connections; everything below receives them.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const metrics = createMetrics();
  const live = liveMachines(config);
  const machineFor = routeMachines(live, config);
  const { pipeline, mover, redis, closeStore } = await buildPipeline(config, logger);
  metrics.watchQueue(() => pipeline.queueStats());
  const limits = new FlexibleRateLimits({
    numberPerSecond: config.outboundPerSecond,
    pairBurst: config.pairBurst,
    pairWindowSeconds: config.pairWindowSeconds,
    inboundPerMinute: config.inboundPerMinute,
    keyPrefix: config.keyPrefix,
    ...(redis ? { redis } : {}),
  });

  const sender = config.whatsappToken
    ? new GraphMessageSender({
        http: createHttpClient({
          baseURL: config.whatsappApiUrl,
          timeoutMs: config.whatsappApiTimeoutMs,
          headers: { Authorization: `Bearer ${config.whatsappToken}` },
          transport: config.httpTransport,
        }),
        timeoutMs: config.whatsappApiTimeoutMs,
      })
    : new DryRunMessageSender({ logger });
  if (!config.whatsappToken) logger.warn('WHATSAPP_TOKEN is not set: dry run, replies are logged and not sent');
  if (!config.appSecret) logger.warn('WHATSAPP_APP_SECRET is not set: webhook signatures are NOT checked');
  if (!config.verifyToken) logger.warn('WEBHOOK_VERIFY_TOKEN is not set: every verification handshake is refused');
  if (config.nodeEnv === 'production' && !config.metricsToken) logger.warn('METRICS_TOKEN is not set: GET /metrics is open to whoever reaches the port');

  const pseudonym = createPseudonymizer(config.pseudonymKey);
  // Users reach analytics as pseudonyms only (the engine records `pseudonym(key)`); questions expire with their record.
  const analyticsOptions = { maxEntries: config.analyticsMaxEntries, retentionMs: config.questionRetentionDays * DAY_MS, logger };
  const analytics = redis
    ? new RedisInteractionRecorder({ redis, keyPrefix: config.keyPrefix, ...analyticsOptions })
    : new MemoryInteractionRecorder(analyticsOptions);
  const stopTrimming = keepTrimmed(analytics, logger);
  // Every message sent and what Meta says it costs, counted by every process on the same keys.
  const messageLedger = redis ? new RedisMessageLedger({ redis, keyPrefix: config.keyPrefix, pseudonym }) : new MemoryMessageLedger({ pseudonym });
  metrics.watchMessageLedger(() => messageLedger.totals());
  const inspection = await inspectionFromConfig(config, logger, pseudonym);

  const ingest = new IngestGauge();
  const receipts = config.readReceipts ? { receipts: sender, typing: { delayMs: config.readReceiptDelayMs } } : {};
  // Citizens' pseudonyms in Chatwoot → their conversations, for agents' replies to find their way back.
  const agentLinks = redis ? new RedisAgentLinks({ redis, keyPrefix: config.keyPrefix }) : new MemoryAgentLinks();
  const runner = effectRunnerFromConfig(config, { journal: pipeline.effects, metrics, logger, agentLinks, ...receipts });
  if (!config.chatwoot) logger.info('CHATWOOT_* is not set: a citizen asking for a person is given the phone number');
  const worker = new ConversationWorker({
    source: pipeline,
    inbox: pipeline,
    runner,
    journal: pipeline.effects,
    concurrency: config.workerConcurrency,
    ingest,
    machineFor,
    pseudonym,
    limits,
    ...receipts,
    analytics,
    messageLedger,
    ...(inspection ? { inspection } : {}),
    // Effects run outside the turn: a turn only waits for a machine's own in-process actors, if it has any.
    settleTimeoutMs: SETTLE_TIMEOUT_MS,
    keepsMemory: config.userMemoryDays > 0,
    agentSessionTtlSeconds: config.agentSessionTtlSeconds,
    ...(config.startLocale ? { startLocale: config.startLocale } : {}),
    sender,
    logger,
    metrics,
  });
  worker.start();

  const guards = appGuardsFromConfig(config, redis);
  const app = createApp({
    inbox: pipeline,
    mover,
    ...guards,
    appSecret: config.appSecret,
    verifyToken: config.verifyToken,
    logger,
    metrics,
    census: pipeline,
    machines,
    adminToken: config.adminToken,
    analytics,
    messageLedger,
    messageRateXof: config.messageRateXof,
    ingest,
    ...(config.chatwoot ? { chatwoot: { secret: config.chatwoot.webhookSecret, links: agentLinks } } : {}),
  });
  const server = await listen(app, { ...config, trust: guards.trust, logger });
  const { port, address } = server.address() as AddressInfo;
  const defaultMachine = machineFor('');
  logger.info(
    { host: address, port, machine: defaultMachine.id, version: defaultMachine.version, machineByNumber: config.machineByNumber },
    `webhook server listening on http://localhost:${port}`,
  );
  if (!isLoopback(address)) logger.warn({ host: address }, 'listening beyond loopback (HOST): keep /admin and /metrics off the internet');

  return {
    url: `http://${urlHost(address)}:${port}`,
    metrics,
    pipeline,
    ...(inspection?.relayUrl ? { inspectorRelayUrl: inspection.relayUrl } : {}),
    async close() {
      await new Promise<void>((resolve) => {
        // Kept-alive connections would hold `close` for the whole keep-alive timeout: each one is closed as soon
        // as its request in flight has been answered.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
      await worker.stop();
      await inspection?.close();
      stopTrimming();
      await analytics.flush();
      await closeStore();
    },
  };
}

/** The store's sides the server uses: the webhook's inbox, the workers' source, the flow page's census, the effects. */
type Pipeline = Inbox & WorkSource & ConversationCensus & { readonly effects: EffectJournal };

/** How long a turn may wait for a machine's own in-process actors (effects such as CSS calls never make it wait). */
const SETTLE_TIMEOUT_MS = 5000;

async function buildPipeline(
  config: Config,
  logger: Logger,
): Promise<{ pipeline: Pipeline; mover: ConversationMover; redis?: Redis | Cluster; closeStore: () => Promise<void> }> {
  const memoryTtlSeconds = config.userMemoryDays * 24 * 3600;
  if (!config.redisUrl && !config.redisClusterNodes) {
    logger.warn('REDIS_URL is not set: using the embedded in-memory store (one process; nothing survives a restart)');
    const pipeline = new MemoryPipeline({
      sessionTtlSeconds: config.sessionTtlSeconds,
      dedupWindowSeconds: config.dedupWindowSeconds,
      memoryTtlSeconds,
    });
    return { pipeline, mover: new MemoryConversationMover(pipeline), closeStore: async () => {} };
  }
  const { redis, blockingRedis } = connectRedis(config, logger);
  const pipeline = new RedisPipeline({
    redis,
    blockingRedis,
    keyPrefix: config.keyPrefix,
    sessionTtlSeconds: config.sessionTtlSeconds,
    dedupWindowSeconds: config.dedupWindowSeconds,
    memoryTtlSeconds,
  });
  // Not awaited as a condition of starting: with Redis down the server still runs, answers 503 and turns ready
  // once Redis is back (the worker creates the group then).
  await pipeline.init().catch((error: unknown) => logger.error({ err: error }, 'Redis is unreachable for now'));
  logger.info({ keyPrefix: config.keyPrefix, cluster: Boolean(config.redisClusterNodes) }, 'store: Redis');
  return {
    pipeline,
    mover: new RedisConversationMover({ redis, keyPrefix: config.keyPrefix }),
    redis,
    closeStore: async () => {
      blockingRedis.disconnect();
      await redis.quit();
    },
  };
}
