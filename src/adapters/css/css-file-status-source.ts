import { isAxiosError, type AxiosInstance } from 'axios';
import { AnswerUnavailableError } from '../../domain/errors.js';
import type { FileStatus } from '../../domain/file-status.js';
import type { FileStatusSource } from '../../ports/file-status-source.js';
import { withCallDeadline } from '../http/call-deadline.js';
import { toAnswerUnavailable } from './css-api-error.js';

/**
 * The production `FileStatusSource`: `POST {CSS_API_URL}{path}` with `{"registrationNumber": …}`, answered by
 * `{ "found": true, "status": "…", "updatedAt": "…" }` (status and date optional) or `{ "found": false }`,
 * with status 200 or 404. A 404 that does not say `"found": false` is a path the API does not serve (a
 * misconfigured `CSS_API_FILE_STATUS_PATH`): the service is unavailable, the file is not unknown.
 *
 * @example
 * const files = new CssFileStatusSource({ http, path: '/pension-file-status' });
 */
export class CssFileStatusSource implements FileStatusSource {
  /** @param deps.timeoutMs time allowed for the whole call, a trickling answer included (`CSS_API_TIMEOUT_MS`). */
  constructor(private readonly deps: { readonly http: AxiosInstance; readonly path: string; readonly timeoutMs?: number }) {}

  async status(registrationNumber: string, options: { signal?: AbortSignal } = {}): Promise<FileStatus> {
    let data: unknown;
    try {
      ({ data } = await withCallDeadline(this.deps.timeoutMs, options.signal, (signal) =>
        this.deps.http.post<unknown>(this.deps.path, { registrationNumber }, { signal }),
      ));
    } catch (error) {
      const unavailable = toAnswerUnavailable(error);
      const said = isAxiosError(error) ? (error.response?.data as { found?: unknown } | undefined) : undefined;
      if (unavailable.httpStatus === 404 && said?.found === false) return { found: false };
      throw unavailable;
    }
    if (typeof data !== 'object' || data === null) throw new AnswerUnavailableError('bad-reply', 'file status reply is not JSON');
    const reply = data as Record<string, unknown>;
    if (reply.found !== true && reply.found !== false) {
      throw new AnswerUnavailableError('bad-reply', 'file status reply has no boolean "found"');
    }
    if (!reply.found) return { found: false };
    const status = typeof reply.status === 'string' && reply.status.trim() !== '' ? { status: reply.status } : {};
    return { found: true, ...status, ...(typeof reply.updatedAt === 'string' ? { updatedAt: reply.updatedAt } : {}) };
  }
}
