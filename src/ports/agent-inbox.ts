/**
 * Where citizens' messages go while a person handles their conversation (Chatwoot in production): one
 * conversation per citizen in the agents' inbox, the citizen's messages posted into it, and private notes the agents
 * alone see. Rejects with `AgentInboxError` when the inbox cannot be reached or refuses; the machine keeps the
 * messages and tries again later.
 *
 * @example
 * const { conversationId } = await inbox.forward({ citizen, messages: [{ id: 'wamid.1', text: 'Bonjour' }] }, { signal });
 * await inbox.notePrivately(conversationId, 'Réponse non transmise : fenêtre de 24 h fermée.', { signal });
 */
export interface AgentInbox {
  /** Posts the citizen's messages, in order, into their conversation (opened on the first call). */
  forward(request: ForwardRequest, options?: { readonly signal?: AbortSignal }): Promise<ForwardReceipt>;
  /** A note only the agents see, in a conversation. */
  notePrivately(conversationId: number, text: string, options?: { readonly signal?: AbortSignal }): Promise<void>;
}

/** Who the citizen is, as agents may see them. */
export interface Citizen {
  /** A stable stand-in for the user (a keyed hash): the contact's identifier, never the phone number. */
  readonly pseudonym: string;
  /** The WhatsApp profile name, when Meta sent one. */
  readonly name?: string;
  /** E.164 digits without `+`; only when the operator shares phone numbers with agents (`CHATWOOT_SHARE_PHONE`). */
  readonly phone?: string;
}

/** One message of the citizen for the agents. */
export interface AgentBoundMessage {
  /** Our id of the message (its wamid), kept as the inbox message's `source_id`. */
  readonly id: string;
  readonly text: string;
  /** A file the citizen sent, attached to the message. */
  readonly file?: { readonly bytes: Buffer; readonly mimeType: string; readonly filename: string };
}

export interface ForwardRequest {
  readonly citizen: Citizen;
  /** The inbox conversation opened by an earlier call of this handoff, if any. */
  readonly conversationId?: number;
  readonly messages: readonly AgentBoundMessage[];
}

export interface ForwardReceipt {
  /** The inbox conversation the messages went to (Chatwoot's display id). */
  readonly conversationId: number;
  /** How many of the request's messages were posted (all of them when it resolves). */
  readonly forwarded: number;
}
