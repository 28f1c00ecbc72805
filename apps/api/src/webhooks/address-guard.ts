import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Global unicast (RFC 4291): IPv6 outside it is unassigned or special, e.g. ::/96 IPv4-compatible. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Public means ipaddr.js files the address under no special range: not private, loopback,
 * link-local, CGNAT, benchmarking, documentation, multicast or reserved, and no IPv6 form
 * that embeds an IPv4 address (mapped, NAT64, 6to4, Teredo), since those can reach one.
 */
export function isPublicAddress(text: string): boolean {
  if (!ipaddr.isValid(text)) return false;
  const address = ipaddr.parse(text);
  if (address.range() !== 'unicast') return false;
  return address.kind() === 'ipv4' || address.match(GLOBAL_UNICAST);
}

export class AddressRefused extends Error {}

/**
 * The SSRF guard: a webhook URL may only lead to public addresses, unless
 * WEBHOOK_ALLOWED_HOSTS names its host, its address or a CIDR holding it. Checked when the
 * webhook is created and again at every delivery on the address actually connected to.
 */
export class AddressGuard {
  private readonly hosts = new Set<string>();
  private readonly allowed: [Address, number][] = [];

  constructor(allowList: string) {
    for (const raw of allowList.split(',')) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (!entry) continue;
      if (ipaddr.isValidCIDR(entry)) this.allowed.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const address = ipaddr.parse(entry);
        this.allowed.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else this.hosts.add(entry.replace(/\.$/, ''));
    }
  }

  private allows(host: string, text: string): boolean {
    if (isPublicAddress(text) || this.hosts.has(host)) return true;
    if (!ipaddr.isValid(text)) return false;
    const address = ipaddr.parse(text);
    return this.allowed.some(
      ([net, bits]) => net.kind() === address.kind() && address.match(net, bits),
    );
  }

  /**
   * The addresses `url` may be reached at now (resolved), or AddressRefused naming why.
   * Every resolved address must pass: a name that also points inside is refused. The
   * message never says what a name resolved to (or whether it resolved), so refusals do
   * not map internal DNS.
   */
  async resolve(url: URL): Promise<{ address: string; family: 4 | 6 }[]> {
    const host = url.hostname
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '');
    const refused = new AddressRefused(
      `"${host}" does not resolve, or is or resolves to a private, loopback or reserved address (IPv4-embedding IPv6 forms included), and WEBHOOK_ALLOWED_HOSTS does not name it`,
    );
    let addresses: { address: string; family: number }[];
    if (ipaddr.isValid(host)) {
      addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
    } else {
      addresses = await lookup(host, { all: true, verbatim: true }).catch(() => []);
    }
    if (addresses.length === 0 || addresses.some((a) => !this.allows(host, a.address))) {
      throw refused;
    }
    return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }
}
