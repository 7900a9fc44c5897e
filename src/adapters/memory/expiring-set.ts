/**
 * A set whose members expire after a fixed window: the in-memory dedup of wamids. Members are kept in
 * insertion order, and since every member lives equally long the oldest expire first, so pruning is
 * O(expired) and memory stays bounded by the window's traffic.
 */
export class ExpiringSet {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Told about each member that expires, to drop what hangs on it. */
    private readonly onExpire: (member: string) => void = () => {},
  ) {}

  /** Adds `member`; false when it is already present (a duplicate). */
  add(member: string): boolean {
    const now = this.now();
    this.prune(now);
    if (this.expiries.has(member)) return false;
    this.expiries.set(member, now + this.windowMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private prune(now: number): void {
    for (const [member, expiresAt] of this.expiries) {
      if (expiresAt > now) return;
      this.expiries.delete(member);
      this.onExpire(member);
    }
  }
}
