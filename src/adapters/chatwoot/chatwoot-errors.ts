import { isAxiosError } from 'axios';
import { AgentInboxError } from '../../domain/errors.js';

/** Failures before a request could leave: nothing reached Chatwoot, so trying again cannot post anything twice. */
const NEVER_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A failed Chatwoot call as an `AgentInboxError`. Retryable: no answer at all, a 5xx, a 429 (Rack::Attack). The
 * message names the step and the status, never the `api_access_token`.
 *
 * @example
 * throw toAgentInboxError(error, 'create contact'); // AgentInboxError('Chatwoot create contact: HTTP 503', true, 503)
 */
export function toAgentInboxError(error: unknown, step: string): AgentInboxError {
  if (error instanceof AgentInboxError) return error;
  if (!isAxiosError(error)) return new AgentInboxError(`Chatwoot ${step}: ${error instanceof Error ? error.message : String(error)}`, false);
  const status = error.response?.status;
  if (status === undefined) return new AgentInboxError(`Chatwoot ${step}: no answer (${error.code ?? 'network error'})`, true);
  return new AgentInboxError(`Chatwoot ${step}: HTTP ${status}`, status >= 500 || status === 429, status);
}

/** Whether a failed call surely never reached Chatwoot, or was refused before being acted on (429). */
export function surelyNotActedOn(error: unknown): boolean {
  if (!isAxiosError(error)) return false;
  if (error.response?.status === 429) return true;
  return error.response === undefined && error.code !== undefined && NEVER_SENT.has(error.code);
}
