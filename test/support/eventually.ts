/**
 * Polls `check` until it stops throwing (or returns a truthy value), failing after a deadline with the
 * last error: the test waits for an outcome, never for a fixed time.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000, intervalMs = 20): Promise<T> {
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
