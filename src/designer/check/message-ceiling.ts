/**
 * The message ceiling rule: a user message may cost at most the machine's `messageCeiling` (one message by default,
 * more where the designer named an exception). Every message is billed by Meta, so the check fails above it.
 */

import { DEFAULT_MESSAGE_CEILING, type MessageCeiling, exceptionFor } from '../../domain/message-ceiling.js';
import type { TurnCost } from './message-costs.js';
import type { Finding } from './problem.js';

/** The ceiling that applies to `cost`, and the exception that set it. */
export function ceilingOf(cost: TurnCost, ceiling: MessageCeiling): { max: number; exception?: string } {
  const exception = exceptionFor(ceiling, cost.state, cost.eventType, cost.event);
  return exception ? { max: exception.max, exception: exception.name } : { max: ceiling.perUserMessage };
}

const plural = (count: number): string => `${count} message${count === 1 ? '' : 's'}`;

/**
 * One problem per user message costing more than its ceiling, naming the state it arrived in and the event.
 *
 * @example
 * findCeilingProblems(exploration.costs, { perUserMessage: 1 });
 * // [{ state: 'idle', field: 'on["user.text"]', message: 'user.text "menu" costs 2 messages, the ceiling is 1 per user message: …' }]
 */
export function findCeilingProblems(costs: readonly TurnCost[], ceiling: MessageCeiling = DEFAULT_MESSAGE_CEILING): Finding[] {
  return costs.flatMap((cost) => {
    if (cost.kind !== 'user') return [];
    const { max, exception } = ceilingOf(cost, ceiling);
    if (cost.messages <= max) return [];
    const limit = exception === undefined ? `the ceiling is ${max} per user message` : `the exception "${exception}" allows ${max}`;
    return [{
      state: cost.state,
      field: `on["${cost.eventType}"]`,
      message: `${cost.event} costs ${plural(cost.messages)}${cost.whileBusy ? ' (sent while an effect is pending)' : ''}, ${limit}: ` +
        'send fewer messages (buttons ride on the answer), or name an exception in the machine definition\'s messageCeiling',
    }];
  });
}

/** What `npm run check` prints about a machine's costs. */
export interface CostSummary {
  /** The costliest user message within the ceiling (exceptions aside), and where. */
  readonly usual: TurnCost | undefined;
  /** The costliest user message of each exception that was used. */
  readonly exceptions: ReadonlyArray<{ readonly name: string; readonly cost: TurnCost }>;
  /** The costliest timer (a message no user asked for), if any sends one. */
  readonly timer: TurnCost | undefined;
}

const costliest = (costs: readonly TurnCost[]): TurnCost | undefined =>
  costs.reduce<TurnCost | undefined>((best, cost) => (best === undefined || cost.messages > best.messages ? cost : best), undefined);

/**
 * The summary of `costs` under `ceiling`.
 *
 * @example
 * summarizeCosts(exploration.costs, ceiling).usual?.messages // 1
 */
export function summarizeCosts(costs: readonly TurnCost[], ceiling: MessageCeiling = DEFAULT_MESSAGE_CEILING): CostSummary {
  const user = costs.filter((cost) => cost.kind === 'user');
  const byException = new Map<string, TurnCost[]>();
  const usual: TurnCost[] = [];
  for (const cost of user) {
    const { exception } = ceilingOf(cost, ceiling);
    if (exception === undefined) usual.push(cost);
    else byException.set(exception, [...(byException.get(exception) ?? []), cost]);
  }
  return {
    usual: costliest(usual),
    exceptions: [...byException].flatMap(([name, found]) => {
      const cost = costliest(found);
      return cost ? [{ name, cost }] : [];
    }),
    timer: costliest(costs.filter((cost) => cost.kind === 'timer')),
  };
}

/**
 * The summary in one line per fact, for `npm run check`.
 *
 * @example
 * formatCostSummary(summary, ceiling)
 * // ['✉ at most 1 message per user message (ceiling 1), e.g. idle › user.text "menu"', …]
 */
export function formatCostSummary(summary: CostSummary, ceiling: MessageCeiling = DEFAULT_MESSAGE_CEILING): string[] {
  const where = (cost: TurnCost): string => `${cost.state} › ${cost.event}`;
  const lines: string[] = [];
  if (summary.usual) {
    lines.push(`✉ at most ${plural(summary.usual.messages)} per user message (ceiling ${ceiling.perUserMessage}), e.g. ${where(summary.usual)}`);
  }
  for (const { name, cost } of summary.exceptions) lines.push(`✉ exception "${name}": ${plural(cost.messages)} at ${where(cost)}`);
  if (summary.timer && summary.timer.messages > 0) lines.push(`✉ timers: up to ${plural(summary.timer.messages)} nobody asked for, at ${where(summary.timer)}`);
  return lines;
}
