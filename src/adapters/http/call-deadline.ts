/**
 * Runs one call under a signal aborted by the caller or once `timeoutMs` have passed since the call began, whichever
 * comes first. axios' `timeout` alone only notices a silent connection: an answer trickling in a byte at a time would
 * never end, and the machine would never get to apologise.
 *
 * Why not `AbortSignal.timeout` and `AbortSignal.any`: their timer lives until it fires, whether the call ended or
 * not, so at a thousand calls a second tens of thousands of signals and timers (a 30 s CSS deadline) stay in memory
 * for the garbage collector to carry. Here the timer and the caller's listener go as soon as the call settles.
 *
 * @example
 * const { data } = await withCallDeadline(30_000, options.signal, (signal) => http.post(path, body, { signal }));
 */
export async function withCallDeadline<T>(
  timeoutMs: number | undefined,
  caller: AbortSignal | undefined,
  call: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (timeoutMs === undefined) return call(caller);
  const controller = new AbortController();
  const follow = () => controller.abort(caller?.reason);
  if (caller?.aborted) follow();
  else caller?.addEventListener('abort', follow, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException('The call took longer than its deadline', 'TimeoutError')), timeoutMs);
  try {
    return await call(controller.signal);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', follow);
  }
}
