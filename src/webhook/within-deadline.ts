/** The store did not answer in the time a webhook may wait. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/**
 * `work`, or a `DeadlineError` after `ms`, whichever comes first. The work is not cancelled (a Redis command in
 * flight cannot be), only no longer waited for; its late failure is swallowed so it never becomes an unhandled
 * rejection.
 *
 * @example
 * await withinDeadline(inbox.accept(messages), 2000); // rejects after 2 s while Redis is away
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer from the store within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
