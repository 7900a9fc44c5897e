import type { ConversationLease, WorkSource } from '../ports/conversation-pipeline.js';

interface Waiter {
  readonly key: string;
  readonly wamid: string;
  committed: boolean;
  readonly resolve: () => void;
}

/**
 * `target` seen through `overrides`: every other member is the target's own (methods bound to it), so the
 * wrapper keeps up with the port when it grows a method.
 */
function overriding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/**
 * Tells when a message has been fully handled. `source` is the real work source as the worker should use it:
 * the same in every respect, except that the turns it hands out are watched. A message is settled once a turn
 * has committed it and then given the conversation back with inbox and outbox empty (`release()` true), that
 * is once every reply it caused has been sent. This is how the chat knows the bot has finished talking,
 * without sleeping.
 *
 * @example
 * const watch = new SettlementWatch(pipeline);
 * const worker = new ConversationWorker({ source: watch.source, ... });
 * const done = watch.settled(key, message.wamid); // before accepting it
 * await pipeline.accept([message]);
 * await done;
 */
export class SettlementWatch {
  private readonly waiters = new Set<Waiter>();
  /** The work source to give the worker. */
  readonly source: WorkSource;

  /** `pendingEffects` counts effect calls not yet settled: a message is settled once its answer is in too. */
  constructor(
    source: WorkSource,
    private readonly pendingEffects: () => number = () => 0,
  ) {
    this.source = overriding(source, {
      lease: async (key: string) => {
        const turn = await source.lease(key);
        return turn && this.watch(turn);
      },
    });
  }

  /**
   * Resolves once message `wamid` of conversation `key` is committed and its replies sent. Call it before
   * accepting the message; `signal` withdraws the wait (the promise then never resolves).
   */
  settled(key: string, wamid: string, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const waiter: Waiter = { key, wamid, committed: false, resolve };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', () => this.waiters.delete(waiter), { once: true });
    });
  }

  private watch(turn: ConversationLease): ConversationLease {
    const waiters = this.waiters;
    const pendingEffects = this.pendingEffects;
    return overriding(turn, {
      async commit(change) {
        await turn.commit(change);
        for (const waiter of waiters) if (waiter.key === turn.key && waiter.wamid === change.inputId) waiter.committed = true;
      },
      async release(done) {
        if (!(await turn.release(done))) return false;
        // A question's answer comes back as a later input of the lane: wait for it.
        if (pendingEffects() > 0) return true;
        for (const waiter of [...waiters]) {
          if (waiter.key !== turn.key || !waiter.committed) continue;
          waiters.delete(waiter);
          waiter.resolve();
        }
        return true;
      },
    });
  }
}
