/**
 * The signal of one CSS API call: aborted by the caller, or when `timeoutMs` have passed since the call began,
 * whichever comes first. axios' `timeout` alone only notices a silent connection: an answer trickling in a byte
 * at a time would never end, and the machine would never get to apologise.
 *
 * @example
 * await http.post(path, body, { signal: callDeadline(30_000, options.signal) });
 */
export function callDeadline(timeoutMs: number | undefined, caller: AbortSignal | undefined): AbortSignal | undefined {
  if (timeoutMs === undefined) return caller;
  const deadline = AbortSignal.timeout(timeoutMs);
  return caller ? AbortSignal.any([caller, deadline]) : deadline;
}
