import type { AgentEvent } from '../../domain/conversation.js';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { ChatDriver } from '../chat-repl.js';
import type { ChatUtterance } from '../chat-session.js';
import type { EffectMemo } from '../effect-memo.js';
import type { RunningChat } from '../start-chat.js';

/** Starts a chat on `definition` whose output goes to `write`. */
export type StartChat = (definition: MachineDefinition, write: (text: string) => void) => Promise<RunningChat>;

/** What a reload did: how many messages were replayed, what the last one printed, and where the user is. */
export interface Replay {
  readonly replayed: number;
  /** The last message sent, as the designer typed it, and the bot's replies to it. */
  readonly last: string;
  /** `state: menu`, as `/state` prints it. */
  readonly state: string;
}

/** What the designer sent: as the user, or as the live agent. */
type Sent = ChatUtterance | { readonly type: 'agent'; readonly event: AgentEvent };

const echo = (sent: Sent): string => {
  if (sent.type === 'agent') return sent.event.type === 'agent.message' ? `> /agent ${sent.event.text}\n` : '> /resolve\n';
  return sent.type === 'text' ? `> ${sent.body}\n` : `> /tap ${sent.choice.id}\n→ ${sent.choice.title}\n\n`;
};

/**
 * The chat of watch mode: a session that remembers what the designer sent since the last `/reset`, and on
 * `reload` starts over on a new definition and replays it all silently, showing only the last reply, so the
 * designer lands where they were. Messages and reloads take turns.
 *
 * @example
 * const chat = await ReplayingChat.start(definition, start, write, memo);
 * const { last } = await chat.reload(changedDefinition);
 */
export class ReplayingChat implements ChatDriver {
  private inputs: Sent[] = [];
  private captured: string | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(
    private running: RunningChat,
    private readonly startChat: StartChat,
    private readonly write: (text: string) => void,
    private readonly memo: EffectMemo,
  ) {}

  static async start(definition: MachineDefinition, startChat: StartChat, write: (text: string) => void, memo: EffectMemo): Promise<ReplayingChat> {
    const ready: { chat?: ReplayingChat } = {};
    const sink = (text: string): void => (ready.chat ? ready.chat.print(text) : write(text));
    ready.chat = new ReplayingChat(await startChat(definition, sink), startChat, write, memo);
    return ready.chat;
  }

  get choices() {
    return this.running.session.choices;
  }

  say(utterance: ChatUtterance): Promise<void> {
    return this.serially(async () => {
      this.inputs.push(utterance);
      await this.running.session.say(utterance);
    });
  }

  actAsAgent(event: AgentEvent): Promise<void> {
    return this.serially(async () => {
      this.inputs.push({ type: 'agent', event });
      await this.running.session.actAsAgent(event);
    });
  }

  describeState(): Promise<string> {
    return this.serially(() => this.running.session.describeState());
  }

  reset(): string {
    this.inputs = [];
    return this.running.session.reset();
  }

  /** Swaps in `definition` and replays every message since the last `/reset`. */
  reload(definition: MachineDefinition): Promise<Replay> {
    return this.serially(async () => {
      const next = await this.startChat(definition, (text) => this.print(text));
      const previous = this.running;
      this.running = next;
      // Its lanes are idle (messages take turns with reloads); waiting out its idle poll would only delay the replay.
      void previous.stop();
      let last = '';
      this.memo.replaying = true;
      try {
        for (const sent of this.inputs) {
          this.captured = echo(sent);
          await (sent.type === 'agent' ? next.session.actAsAgent(sent.event) : next.session.say(sent));
          last = this.captured;
        }
      } finally {
        this.captured = undefined;
        this.memo.replaying = false;
      }
      const state = (await next.session.describeState()).split('\n')[0] ?? '';
      return { replayed: this.inputs.length, last, state };
    });
  }

  stop(): Promise<void> {
    return this.running.stop();
  }

  private print(text: string): void {
    if (this.captured === undefined) this.write(text);
    else this.captured += text;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const done = this.turn.then(work, work);
    this.turn = done.catch(() => undefined);
    return done;
  }
}
