/**
 * One handled user message, as analytics keep it. `user` is a pseudonym, never a phone number; `question` is the
 * text the user typed (kept only for the configured retention).
 */
export interface Interaction {
  /** When the turn finished (ms since epoch). */
  readonly at: number;
  readonly user: string;
  readonly platform: 'whatsapp';
  readonly machineId: string;
  readonly machineVersion: number;
  /** The state after the turn. */
  readonly state: string;
  /** The user event: `user.text`, `user.choice`, `user.media`, `user.other`, or a timer. */
  readonly event: string;
  readonly question?: string;
  /** The language the conversation speaks after the turn (`fr`, `en`, `wo`), for a machine that has messages. */
  readonly locale?: string;
  /** Characters sent back in this turn. */
  readonly responseLength: number;
  /** Time from taking the message to committing its replies (CSS call included). */
  readonly responseMs: number;
  readonly outcome: 'ok' | 'restarted' | 'failed' | 'timed_out' | 'ignored';
}

/**
 * Records interactions (a capped Redis Stream, or memory when embedded). Must never throw into the turn: an
 * analytics outage costs statistics, never a reply.
 *
 * @example
 * recorder.record({ at: Date.now(), user: 'a1b2c3d4e5f6', platform: 'whatsapp', … });
 */
export interface InteractionRecorder {
  record(interaction: Interaction): void;
}
