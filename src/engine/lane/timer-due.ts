import type { EffectCall } from '../../domain/effect-call.js';
import type { TimerDue } from '../../domain/lane-input.js';
import type { OutboundMessage } from '../../domain/outbound.js';
import type { ConversationLease } from '../../ports/conversation-pipeline.js';
import type { DeferredCall } from '../effects/deferred-effect.js';
import { runTurn, type TurnResult } from '../run-turn.js';
import { commitTurn } from './commit-turn.js';
import type { LaneDeps } from './lane-deps.js';
import { reportTurn } from './report-turn.js';
import { stateOf } from './user-message.js';

/**
 * Machine timers that fell due: the machine hears every delayed event still pending (its state was not left), in
 * order. While Meta's 24-hour window is closed, whatever they would send is not sent.
 */
export async function handleTimerDue(deps: LaneDeps, lease: ConversationLease, input: TimerDue): Promise<EffectCall[]> {
  const definition = deps.machineFor(input.phoneNumberId);
  const startedAt = Date.now();
  const stored = await lease.load();
  let current = stored;
  let last: TurnResult | undefined;
  const replies: OutboundMessage[] = [];
  const effects: DeferredCall[] = [];
  for (;;) {
    const due = current?.timers?.find((timer) => timer.dueAt <= Date.now());
    if (!current || !due) break;
    const result = await runTurn(definition, current, { type: due.event }, deps.settleTimeoutMs);
    // A conversation that can no longer be resumed waits for the user's next message to restart.
    if (result.restartReason) break;
    replies.push(...result.replies);
    effects.push(...result.effects);
    current = result.conversation;
    last = result;
  }
  if (!last || !stored) {
    reportTurn(deps, { definition, key: lease.key, event: 'timer', outcome: 'ignored', state: stateOf(stored), startedAt });
    // Nothing due yet: the conversation keeps its remaining timers scheduled.
    await lease.commit({ inputId: input.wamid, ...(stored?.timers?.length ? { conversation: stored } : {}), outbox: [] });
    return [];
  }
  const sent = stored.windowClosed ? [] : replies;
  const conversation = { ...last.conversation, ...(stored.windowClosed ? { windowClosed: true } : {}) };
  const calls = await commitTurn(deps, lease, input, { conversation, replies: sent, state: last.state, effects });
  reportTurn(deps, { definition, key: lease.key, event: 'timer', outcome: 'ok', state: last.state, startedAt, replies: sent });
  return calls;
}
