import type { Locale } from '../../domain/locale.js';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { Inspection } from '../../inspection/create-inspection.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Pseudonymize } from '../../observability/pseudonymize.js';
import type { InteractionRecorder } from '../../ports/interaction-recorder.js';
import type { RateLimits } from '../../ports/rate-limits.js';
import type { ReadReceipts } from '../../ports/read-receipts.js';
import type { TypingTiming } from '../typing-indicator.js';

/** What the lane's input handlers need. */
export interface LaneDeps {
  /** Which machine answers a business number. */
  readonly machineFor: (phoneNumberId: string) => MachineDefinition;
  /** How long a turn may wait for a machine's own in-process actors (effects never make it wait). */
  readonly settleTimeoutMs: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Stands for the conversation key (it holds a phone number) in every log line. */
  readonly pseudonym: Pseudonymize;
  /** Inbound flood control per user; absent: none. */
  readonly limits?: RateLimits;
  /** Marks user messages read, with the typing indicator while a slow turn runs; absent: off. */
  readonly receipts?: ReadReceipts;
  /** When a turn's read mark and typing indicator start, and how often the indicator is renewed. */
  readonly typing?: TypingTiming;
  /** Keeps one record per handled input (analytics); absent, nothing is recorded. */
  readonly analytics?: InteractionRecorder;
  /** Attached to every conversation actor when `INSPECT` is set. */
  readonly inspection?: Inspection;
  /** Until when an effect call started at `startedAt` belongs to this process (its runner's timeout plus a margin). */
  readonly claimEffectUntil: (effect: string, startedAt: number) => number;
  /** Whether what machines `remember` of a user is kept across sessions (`USER_MEMORY_DAYS` > 0). */
  readonly keepsMemory?: boolean;
  /** How long a conversation in one of its machine's `agentStates` is kept (`AGENT_SESSION_TTL_SECONDS`). */
  readonly agentSessionTtlSeconds?: number;
  /** The language new sessions start in (`START_LOCALE`); absent, each machine guesses it. */
  readonly startLocale?: Locale;
}
