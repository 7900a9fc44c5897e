import type { EffectCall } from '../../domain/effect-call.js';
import { fromErrorData } from '../../domain/error-data.js';
import type { EffectSettled } from '../../domain/lane-input.js';
import type { ConversationLease, StoredConversation } from '../../ports/conversation-pipeline.js';
import { deferredCalls } from '../effects/deferred-effect.js';
import { runTurn } from '../run-turn.js';
import { commitTurn } from './commit-turn.js';
import type { LaneDeps } from './lane-deps.js';
import { reportTurn } from './report-turn.js';
import { stateOf } from './user-message.js';

/**
 * An effect's outcome: applied once, and only to the invocation that asked for it. If the conversation left the
 * invoking state meanwhile (or the session ended, or the machine changed version), the outcome is dropped and
 * counted. Otherwise the machine hears `xstate.done.actor.<id>` (its `onDone`) or `xstate.error.actor.<id>`
 * (`onError`, with the error revived as its domain class).
 */
export async function handleEffectSettled(deps: LaneDeps, lease: ConversationLease, input: EffectSettled): Promise<EffectCall[]> {
  const definition = deps.machineFor(input.phoneNumberId);
  const { callId, actorId, effect, outcome } = input.content;
  // Reported from the turn that asked: the time the user waited for this outcome.
  const startedAt = input.content.startedAt;
  const event = `effect.${effect}`;
  const stored = await lease.load();
  const pending = stored?.machineId === definition.id && stored.version === definition.version && isPending(stored, callId);
  const result =
    stored && pending
      ? await runTurn(
          definition,
          stored,
          outcome.ok
            ? { type: `xstate.done.actor.${actorId}`, output: outcome.output }
            : { type: `xstate.error.actor.${actorId}`, error: fromErrorData(outcome.error) },
          deps.settleTimeoutMs,
          deps.inspection ? { inspection: { actorId: deps.inspection.actorId(lease.key), inspect: deps.inspection.inspect } } : {},
        )
      : undefined;
  if (!stored || !result || result.restartReason) {
    deps.metrics.effectResultsDropped.inc({ effect });
    reportTurn(deps, { definition, key: lease.key, event, outcome: 'ignored', state: stateOf(stored), startedAt });
    await lease.commit({ inputId: input.wamid, outbox: [] });
    return [];
  }
  const replies = stored.windowClosed ? [] : result.replies;
  const conversation: StoredConversation = {
    ...result.conversation,
    // A machine that stays in the invoking state after the outcome keeps a settled child: forget it, or it would
    // look pending forever.
    snapshot: withoutChild(result.conversation.snapshot, actorId, callId),
    ...(stored.windowClosed ? { windowClosed: true } : {}),
  };
  const calls = await commitTurn(deps, lease, input, { conversation, replies, state: result.state, effects: result.effects });
  reportTurn(deps, { definition, key: lease.key, event, outcome: 'ok', state: result.state, startedAt, replies });
  return calls;
}

function isPending(stored: StoredConversation, callId: string): boolean {
  return deferredCalls(stored.snapshot).some((call) => call.callId === callId);
}

function withoutChild(snapshot: unknown, actorId: string, callId: string): unknown {
  const still = deferredCalls(snapshot).some((call) => call.callId === callId && call.actorId === actorId);
  if (!still) return snapshot;
  const { children, ...rest } = snapshot as { children: Record<string, unknown> };
  const { [actorId]: _settled, ...others } = children;
  return { ...rest, children: others };
}
