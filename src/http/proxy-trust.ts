import { BlockList, isIP } from 'node:net';

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) → `127.0.0.1`. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

function family(address: string): 'ipv4' | 'ipv6' | undefined {
  const kind = isIP(address);
  return kind === 4 ? 'ipv4' : kind === 6 ? 'ipv6' : undefined;
}

/** Addresses whose verdict is remembered. */
const VERDICTS_CAP = 1024;

/**
 * Which peers are our own reverse proxies (`TRUSTED_PROXIES`), and what follows from it: the client address
 * and scheme a request really came with. `X-Forwarded-For` and `X-Forwarded-Proto` are believed only from a
 * trusted peer, and the client is the right-most address of the chain that is not a trusted proxy (the left
 * entries are whatever the client itself wrote). Untrusted peers get their socket address, headers ignored.
 *
 * @example
 * const trust = new ProxyTrust(['loopback']);
 * trust.clientOf('127.0.0.1', '6.6.6.6, 203.0.113.9') // '203.0.113.9' (nginx appended it; 6.6.6.6 is the client's claim)
 * trust.clientOf('198.51.100.4', '203.0.113.9')       // '198.51.100.4' (not our proxy: header ignored)
 */
export class ProxyTrust {
  private readonly list = new BlockList();

  /** @param entries `loopback`, addresses and CIDR ranges, as validated by the configuration. */
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      if (entry === 'loopback') {
        this.list.addSubnet('127.0.0.0', 8, 'ipv4');
        this.list.addAddress('::1', 'ipv6');
        continue;
      }
      const [address = '', prefix] = entry.split('/');
      const kind = family(address);
      if (kind === undefined) continue;
      if (prefix === undefined) this.list.addAddress(address, kind);
      else this.list.addSubnet(address, Number(prefix), kind);
    }
  }

  /** Verdicts by address: a few peers (the proxy, the bench, Meta's senders) ask on every request. */
  private readonly verdicts = new Map<string, boolean>();

  /** Whether `address` is one of our proxies. */
  trusts(address: string | undefined): boolean {
    if (address === undefined) return false;
    const known = this.verdicts.get(address);
    if (known !== undefined) return known;
    const ip = plain(address);
    const kind = family(ip);
    const trusted = kind !== undefined && this.list.check(ip, kind);
    // Bounded: past the cap (a scan from many addresses), verdicts are computed each time, never stored.
    if (this.verdicts.size < VERDICTS_CAP) this.verdicts.set(address, trusted);
    return trusted;
  }

  /** The client's address: the socket's peer, or, behind trusted proxies, the nearest untrusted forwarded address. */
  clientOf(peer: string | undefined, forwardedFor: string | undefined): string {
    let client = plain(peer ?? '');
    if (!this.trusts(client) || !forwardedFor) return client;
    const chain = forwardedFor.split(',').map((hop) => plain(hop.trim()));
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const hop = chain[i] ?? '';
      if (family(hop) === undefined) break; // a malformed entry: stop at the last address we could read
      client = hop;
      if (!this.trusts(hop)) break;
    }
    return client;
  }

  /** Whether the client reached us over HTTPS: our own TLS, or a trusted proxy's `X-Forwarded-Proto: https`. */
  isHttps(peer: string | undefined, forwardedProto: string | undefined, encrypted: boolean): boolean {
    if (encrypted) return true;
    if (!this.trusts(peer) || !forwardedProto) return false;
    return forwardedProto.split(',')[0]?.trim().toLowerCase() === 'https';
  }
}
