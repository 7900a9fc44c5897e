/**
 * What each path the path tests replay costs in messages (every message is billed), for `npm run check`: the same
 * paths (`machinePaths` with `PATH_ACTOR_OUTCOMES`, under `PATH_SWITCHES`), each turn's replies counted as the runtime sends them.
 */

import type { MachineDefinition } from '../../domain/machine-definition.js';
import { messagesIn } from '../check/message-costs.js';
import { type ActorOutcomes, machinePaths } from './machine-paths.js';
import { withSwitches } from '../../compose/with-switches.js';
import { PATH_ACTOR_OUTCOMES, PATH_SWITCHES } from './path-outcomes.js';

/** One path and the messages of each of its turns (one user message each, with the effect outcomes it waited for). */
export interface PathCost {
  readonly title: string;
  readonly perTurn: readonly number[];
  readonly messages: number;
}

/**
 * The message cost of every path the path tests replay for `definition`.
 *
 * @example
 * pathCosts(cssAssistant)[0] // { title: '#001 "bonjour" → dialog.idle', perTurn: [1], messages: 1 }
 */
export function pathCosts(definition: MachineDefinition, actors: Readonly<Record<string, ActorOutcomes>> = PATH_ACTOR_OUTCOMES): PathCost[] {
  return machinePaths(withSwitches(definition, PATH_SWITCHES), { actors }).paths.map(({ title, turns }) => {
    const perTurn = turns.map((turn) => turn.replies.reduce((sum, message) => sum + messagesIn(message), 0));
    return { title, perTurn, messages: perTurn.reduce((sum, count) => sum + count, 0) };
  });
}

const plural = (count: number): string => `${count} message${count === 1 ? '' : 's'}`;

/**
 * The paths in a few lines: how many, messages per path and per user message, the costliest path; with `every`,
 * one line per path.
 *
 * @example
 * formatPathCosts(pathCosts(cssAssistant))
 * // ['✉ 120 paths the path tests replay: 1 to 9 messages each, 1.02 per user message; costliest: #045 … (9 messages in 8 turns)']
 */
export function formatPathCosts(costs: readonly PathCost[], every = false): string[] {
  if (costs.length === 0) return ['✉ no paths to replay'];
  const turns = costs.reduce((sum, cost) => sum + cost.perTurn.length, 0);
  const messages = costs.reduce((sum, cost) => sum + cost.messages, 0);
  const sorted = [...costs].sort((a, b) => a.messages - b.messages);
  const [cheapest, costliest] = [sorted[0] as PathCost, sorted[sorted.length - 1] as PathCost];
  const summary =
    `✉ ${costs.length} paths the path tests replay: ${cheapest.messages} to ${plural(costliest.messages)} each, ` +
    `${(messages / turns).toFixed(2)} per user message; costliest: ${costliest.title} (${plural(costliest.messages)} in ${costliest.perTurn.length} turns)`;
  if (!every) return [summary];
  return [summary, ...costs.map((cost) => `  ${cost.title}: ${plural(cost.messages)} (${cost.perTurn.join(' + ')})`)];
}
