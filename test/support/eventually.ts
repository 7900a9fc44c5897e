/**
 * Polls `check` until it stops throwing (or returns a truthy value), failing after a deadline with the
 * last error: the test waits for an outcome, never for a fixed time. The default deadline is generous: a passing test
 * never waits for it, and a CI machine under load can take seconds for what takes milliseconds here.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null) return value;
      lastError = new Error(`condition still ${String(value)}`);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError instanceof Error ? lastError : new Error(String(lastError));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
