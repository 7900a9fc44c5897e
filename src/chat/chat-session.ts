import type { AgentEvent } from '../domain/conversation.js';
import { agentActivity, type LaneInput } from '../domain/lane-input.js';
import { stateName } from '../domain/state-name.js';
import type { Inbox, StoredConversation, WorkSource } from '../ports/conversation-pipeline.js';
import { CHAT_PHONE_NUMBER_ID, type ChatInbound } from './chat-inbound.js';
import type { ChatChoice } from './format-message.js';
import type { SettlementWatch } from './settlement-watch.js';
import type { TerminalMessageSender } from './terminal-message-sender.js';

/** What the chat session is built from: the pipeline's two sides, the watch the worker works through, the terminal. */
export interface ChatSessionDeps {
  readonly inbox: Inbox;
  /** The pipeline itself, read (never written) by `/state` between messages. */
  readonly store: WorkSource;
  readonly watch: SettlementWatch;
  readonly sender: TerminalMessageSender;
  readonly inbound: ChatInbound;
  readonly write: (text: string) => void;
  /** How long to wait for the bot to finish answering before giving the prompt back with a warning. */
  readonly settleDeadlineMs: number;
}

/** Something the user sends the bot: a typed text, or a pick among the last interactive message's choices. */
export type ChatUtterance = { readonly type: 'text'; readonly body: string } | { readonly type: 'choice'; readonly choice: ChatChoice };

/**
 * One terminal user talking to the bot through the server's runtime: each message goes into the inbox as a
 * WhatsApp message would, and `say` resolves once the worker has handled it and every reply is printed.
 *
 * @example
 * await session.say({ type: 'text', body: 'bonjour' }); // the welcome is printed when this resolves
 * process.stdout.write(await session.describeState());
 */
export class ChatSession {
  private agentActs = 0;

  constructor(private readonly deps: ChatSessionDeps) {}

  /** The choices a number or a title picks from now: those of the last interactive message. */
  get choices(): readonly ChatChoice[] {
    return this.deps.sender.lastChoices;
  }

  /** Sends one message and waits until the bot's replies to it have all been printed. */
  say(utterance: ChatUtterance): Promise<void> {
    const { inbound, sender } = this.deps;
    return this.play(utterance.type === 'choice' ? inbound.choice(utterance.choice, sender.lastInteractiveWamid) : inbound.text(utterance.body));
  }

  /** The terminal as the live agent: a reply or the hand-back, into the user's lane as Chatwoot's would go. */
  actAsAgent(event: AgentEvent): Promise<void> {
    const to = { user: this.deps.inbound.user, phoneNumberId: CHAT_PHONE_NUMBER_ID };
    return this.play(agentActivity(to, `chat-${++this.agentActs}`, 1, event));
  }

  private async play(message: LaneInput): Promise<void> {
    const { inbound, watch, inbox } = this.deps;
    const withdraw = new AbortController();
    const settled = watch.settled(inbound.key, message.wamid, withdraw.signal).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.deps.settleDeadlineMs)));
    try {
      await inbox.accept([message]);
      if (!(await Promise.race([settled, late]))) {
        const seconds = Math.round(this.deps.settleDeadlineMs / 1000);
        this.deps.write(`⚠️  the bot has not finished answering after ${seconds} s (see the log on stderr)\n\n`);
      }
    } finally {
      clearTimeout(timer);
      withdraw.abort();
    }
  }

  /** The stored conversation's state value and context, as `/state` prints them. */
  async describeState(): Promise<string> {
    // Called between messages, when the worker holds no turn: taking one to read is then safe.
    const turn = await this.deps.store.lease(this.deps.inbound.key);
    if (!turn) return 'The conversation is busy; try again.\n\n';
    let stored: StoredConversation | undefined;
    try {
      stored = await turn.load();
    } finally {
      await turn.release();
    }
    return stored ? formatState(stored) : 'No conversation yet: the machine starts with your first message.\n\n';
  }

  /** Starts over as a new user, so the next message opens a fresh conversation; returns a notice to print. */
  reset(): string {
    const user = this.deps.inbound.nextUser();
    this.deps.sender.forgetChoices();
    return `— New conversation (user ${user.id}) —\n\n`;
  }
}

function formatState(stored: StoredConversation): string {
  const snapshot = (typeof stored.snapshot === 'object' && stored.snapshot !== null ? stored.snapshot : {}) as {
    value?: unknown;
    context?: unknown;
  };
  return (
    `state: ${stateName(snapshot.value)}\n` +
    `context: ${JSON.stringify(snapshot.context ?? {}, null, 2)}\n` +
    `(${stored.machineId} v${stored.version})\n\n`
  );
}
