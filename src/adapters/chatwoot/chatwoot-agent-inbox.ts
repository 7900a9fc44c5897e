/**
 * The production `AgentInbox`: Chatwoot's application API on one API-channel inbox
 * (`/api/v1/accounts/{account_id}/…`, header `api_access_token`; see docs/operating.md "Live agents").
 */

import { isAxiosError, type AxiosInstance } from 'axios';
import pRetry, { AbortError } from 'p-retry';
import { AgentInboxError } from '../../domain/errors.js';
import type { AgentBoundMessage, AgentInbox, Citizen, ForwardReceipt, ForwardRequest } from '../../ports/agent-inbox.js';
import { surelyNotActedOn, toAgentInboxError } from './chatwoot-errors.js';

export interface ChatwootAgentInboxDeps {
  /** Bound to `{CHATWOOT_URL}/api/v1/accounts/{CHATWOOT_ACCOUNT_ID}` with the `api_access_token` header. */
  readonly http: AxiosInstance;
  /** `CHATWOOT_INBOX_ID`: an API-channel inbox. */
  readonly inboxId: number;
  /** Tries per call beyond the first, for failures where trying again is safe (default 2). */
  readonly retries?: number;
}

/** The contact's identifier: unique per Chatwoot account, so a citizen back later is the same contact. */
const identifierOf = (citizen: Citizen): string => `wa:${citizen.pseudonym}`;

/**
 * @example
 * const inbox = new ChatwootAgentInbox({ http: createHttpClient({ baseURL: `${url}/api/v1/accounts/1`, timeoutMs: 10_000, headers: { api_access_token: token } }), inboxId: 7 });
 */
export class ChatwootAgentInbox implements AgentInbox {
  constructor(private readonly deps: ChatwootAgentInboxDeps) {}

  async forward(request: ForwardRequest, options: { readonly signal?: AbortSignal } = {}): Promise<ForwardReceipt> {
    const conversationId = request.conversationId ?? (await this.openConversation(request.citizen, options.signal));
    let forwarded = 0;
    for (const message of request.messages) {
      try {
        await this.call('post message', () =>
          this.deps.http.post(`/conversations/${conversationId}/messages`, messageBody(message), { signal: options.signal }),
        );
      } catch (error) {
        // What was posted stays posted: the caller keeps only the rest for its next try (no message twice).
        if (forwarded > 0) return { conversationId, forwarded };
        throw error;
      }
      forwarded += 1;
    }
    return { conversationId, forwarded };
  }

  async notePrivately(conversationId: number, text: string, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    await this.call('post private note', () =>
      this.deps.http.post(`/conversations/${conversationId}/messages`, { content: text, message_type: 'outgoing', private: true }, { signal: options.signal }),
    );
  }

  /** The citizen's contact (made once per citizen) and a conversation in the inbox for it. */
  private async openConversation(citizen: Citizen, signal: AbortSignal | undefined): Promise<number> {
    const contactId = await this.contactFor(citizen, signal);
    const { data } = await this.call('create conversation', () =>
      this.deps.http.post<{ id?: unknown }>(
        '/conversations',
        { inbox_id: this.deps.inboxId, contact_id: contactId, source_id: citizen.pseudonym, status: 'open' },
        { signal },
      ),
    );
    return idOf(data.id, 'create conversation');
  }

  private async contactFor(citizen: Citizen, signal: AbortSignal | undefined): Promise<number> {
    const body = {
      name: citizen.name ?? `Citoyen ${citizen.pseudonym}`,
      identifier: identifierOf(citizen),
      inbox_id: this.deps.inboxId,
      source_id: citizen.pseudonym,
      ...(citizen.phone === undefined ? {} : { phone_number: `+${citizen.phone}` }),
    };
    try {
      const { data } = await this.call('create contact', () =>
        this.deps.http.post<{ payload?: { contact?: { id?: unknown } } }>('/contacts', body, { signal }),
      );
      return idOf(data.payload?.contact?.id, 'create contact');
    } catch (error) {
      // 422: the identifier (or phone) is taken, that is, the citizen came before: find them and link the inbox.
      if (!(error instanceof AgentInboxError && error.httpStatus === 422)) throw error;
      const contactId = await this.findContact(citizen, signal);
      await this.call('link contact to inbox', () =>
        this.deps.http.post(`/contacts/${contactId}/contact_inboxes`, { inbox_id: this.deps.inboxId, source_id: citizen.pseudonym }, { signal }),
      );
      return contactId;
    }
  }

  private async findContact(citizen: Citizen, signal: AbortSignal | undefined): Promise<number> {
    const identifier = identifierOf(citizen);
    const { data } = await this.call('search contact', () =>
      this.deps.http.get<{ payload?: Array<{ id?: unknown; identifier?: unknown }> }>('/contacts/search', { params: { q: identifier }, signal }),
    );
    const found = data.payload?.find((contact) => contact.identifier === identifier);
    if (!found) throw new AgentInboxError('Chatwoot search contact: the contact Chatwoot said exists was not found', false);
    return idOf(found.id, 'search contact');
  }

  /** One request, tried again while trying is safe and may help; its failure as an `AgentInboxError`. */
  private call<T>(step: string, request: () => Promise<T>): Promise<T> {
    return pRetry(
      async () => {
        try {
          return await request();
        } catch (error) {
          const failure = toAgentInboxError(error, step);
          // A 5xx or a timeout may have been acted on: posting again could show a message twice.
          if (!surelyNotActedOn(error) || (isAxiosError(error) && error.code === 'ERR_CANCELED')) throw new AbortError(failure);
          throw failure;
        }
      },
      { retries: this.deps.retries ?? 2, minTimeout: 200, maxTimeout: 1000 },
    );
  }
}

/** An incoming message as JSON, or as multipart with its file in `attachments[]` (Chatwoot's way for files). */
function messageBody(message: AgentBoundMessage): Record<string, unknown> | FormData {
  const fields = { content: message.text, message_type: 'incoming', private: false, source_id: message.id };
  if (!message.file) return fields;
  const form = new FormData();
  form.append('content', fields.content);
  form.append('message_type', fields.message_type);
  form.append('private', 'false');
  form.append('source_id', fields.source_id);
  form.append('attachments[]', new Blob([new Uint8Array(message.file.bytes)], { type: message.file.mimeType }), message.file.filename);
  return form;
}

function idOf(value: unknown, step: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new AgentInboxError(`Chatwoot ${step}: the reply carries no id`, true);
}
