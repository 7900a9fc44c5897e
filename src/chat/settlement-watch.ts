import type { Turn, WorkSource, WorkTicket } from '../ports/conversation-pipeline.js';

interface Waiter {
  readonly key: string;
  readonly wamid: string;
  committed: boolean;
  readonly resolve: () => void;
}

/**
 * A `WorkSource` that tells when a message has been fully handled: it passes everything through to the real
 * source and watches the turns the worker takes. A message is settled once the turn has committed it and then
 * given the conversation back with inbox and outbox empty (`release()` true), that is once every reply it
 * caused has been sent. This is how the chat knows the bot has finished talking, without sleeping.
 *
 * @example
 * const watch = new SettlementWatch(pipeline);
 * const worker = new ConversationWorker({ source: watch, ... });
 * const done = watch.settled(key, message.wamid); // before accepting it
 * await pipeline.accept([message]);
 * await done;
 */
export class SettlementWatch implements WorkSource {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly source: WorkSource) {}

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

  next(max: number, waitMs: number): Promise<WorkTicket[]> {
    return this.source.next(max, waitMs);
  }

  reclaim(max: number): Promise<WorkTicket[]> {
    return this.source.reclaim(max);
  }

  complete(tickets: readonly WorkTicket[]): Promise<void> {
    return this.source.complete(tickets);
  }

  async acquire(key: string): Promise<Turn | undefined> {
    const turn = await this.source.acquire(key);
    return turn && this.watch(turn);
  }

  private watch(turn: Turn): Turn {
    const waiters = this.waiters;
    return {
      key: turn.key,
      nextInbound: () => turn.nextInbound(),
      load: () => turn.load(),
      pendingOutbox: () => turn.pendingOutbox(),
      settleOutbox: (itemId, reason) => turn.settleOutbox(itemId, reason),
      extend: () => turn.extend(),
      async commit(change: Parameters<Turn['commit']>[0]) {
        await turn.commit(change);
        for (const waiter of waiters) if (waiter.key === turn.key && waiter.wamid === change.wamid) waiter.committed = true;
      },
      async release() {
        const released = await turn.release();
        if (!released) return false;
        for (const waiter of [...waiters]) {
          if (waiter.key !== turn.key || !waiter.committed) continue;
          waiters.delete(waiter);
          waiter.resolve();
        }
        return true;
      },
    };
  }
}
