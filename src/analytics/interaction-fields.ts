import type { Logger } from '../observability/logger.js';
import type { Interaction } from '../ports/interaction-recorder.js';

/**
 * How an interaction is stored (flat stream fields) and logged (one line, never the question). Shared by the
 * Redis and the memory recorder so both keep the same thing.
 */

/** Longer questions are cut: a WhatsApp text may reach 4,096 characters, and 100,000 of them would weigh 400 MB. */
export const MAX_QUESTION_CHARS = 500;

const OUTCOMES: ReadonlySet<string> = new Set<Interaction['outcome']>(['ok', 'restarted', 'failed', 'timed_out', 'ignored']);

/** The record as kept: the question cut to `MAX_QUESTION_CHARS`. */
export function clipQuestion(interaction: Interaction): Interaction {
  const question = interaction.question;
  if (question === undefined || question.length <= MAX_QUESTION_CHARS) return interaction;
  // Never leave half of an emoji (a UTF-16 surrogate pair) at the cut.
  return { ...interaction, question: `${question.slice(0, MAX_QUESTION_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '')}…` };
}

/**
 * Stream fields of one record, in `XADD` order.
 *
 * @example
 * redis.xadd(key, 'MAXLEN', '~', 100_000, '*', ...toFields(interaction));
 */
export function toFields(interaction: Interaction): string[] {
  const i = clipQuestion(interaction);
  return [
    'at', String(i.at),
    'user', i.user,
    'platform', i.platform,
    'machine', i.machineId,
    'version', String(i.machineVersion),
    'state', i.state,
    'event', i.event,
    'length', String(i.responseLength),
    'ms', String(i.responseMs),
    'outcome', i.outcome,
    ...(i.locale === undefined ? [] : ['locale', i.locale]),
    ...(i.question === undefined ? [] : ['question', i.question]),
  ];
}

/**
 * The record a stream entry holds, or `undefined` when the entry is not one (written by another version, or by
 * hand): a bad entry costs one record, never the page.
 */
export function fromFields(fields: readonly string[]): Interaction | undefined {
  const f = new Map<string, string>();
  for (let n = 0; n + 1 < fields.length; n += 2) f.set(fields[n] ?? '', fields[n + 1] ?? '');
  const number = (name: string) => Number(f.get(name) ?? Number.NaN);
  const [at, machineVersion, responseLength, responseMs] = [number('at'), number('version'), number('length'), number('ms')];
  const [user, machineId, state, event, outcome] = ['user', 'machine', 'state', 'event', 'outcome'].map((name) => f.get(name));
  const question = f.get('question');
  const locale = f.get('locale');
  if (![at, machineVersion, responseLength, responseMs].every(Number.isFinite) || f.get('platform') !== 'whatsapp') return undefined;
  if (user === undefined || machineId === undefined || state === undefined || event === undefined) return undefined;
  if (outcome === undefined || !isOutcome(outcome)) return undefined;
  return {
    at,
    user,
    platform: 'whatsapp',
    machineId,
    machineVersion,
    state,
    event,
    ...(question === undefined ? {} : { question }),
    ...(locale === undefined ? {} : { locale }),
    responseLength,
    responseMs,
    outcome,
  };
}

function isOutcome(value: string): value is Interaction['outcome'] {
  return OUTCOMES.has(value);
}

/**
 * Writes the record as one structured log line, `{ analytics: {…} }` with message `interaction`. The question
 * text stays out (only its length goes in): log files are shipped and kept where `QUESTION_RETENTION_DAYS`
 * cannot reach them, so the one copy of a question is the analytics store, which enforces the retention.
 */
export function logInteraction(logger: Logger, interaction: Interaction): void {
  const { question, ...rest } = interaction;
  logger.info({ analytics: { ...rest, ...(question === undefined ? {} : { questionLength: question.length }) } }, 'interaction');
}
