import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses a webhook must not reach unless allowed: private, loopback, link-local, special. */
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');
}

export class AddressRefused extends Error {}

/** `::ffff:10.0.0.1` is 10.0.0.1: check IPv4-mapped IPv6 addresses as the IPv4 they are. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export function isPublicAddress(address: string): boolean {
  const a = normalise(address);
  return !NOT_PUBLIC.check(a.address, a.family);
}

/**
 * The SSRF guard: a webhook URL may only lead to public addresses, unless
 * WEBHOOK_ALLOWED_HOSTS names its host, its address or a CIDR holding it. Checked when the
 * webhook is created and again at every delivery on the address actually connected to.
 */
export class AddressGuard {
  private readonly hosts = new Set<string>();
  private readonly allowed = new BlockList();

  constructor(allowList: string) {
    for (const raw of allowList.split(',')) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (!entry) continue;
      const [net, bits] = entry.split('/');
      const family = isIP(net ?? '');
      if (bits !== undefined && family) {
        this.allowed.addSubnet(net!, Number(bits), family === 6 ? 'ipv6' : 'ipv4');
      } else if (family) {
        this.allowed.addAddress(entry, family === 6 ? 'ipv6' : 'ipv4');
      } else {
        this.hosts.add(entry.replace(/\.$/, ''));
      }
    }
  }

  private allows(host: string, address: string): boolean {
    if (isPublicAddress(address) || this.hosts.has(host)) return true;
    const a = normalise(address);
    return this.allowed.check(a.address, a.family);
  }

  /**
   * The addresses `url` may be reached at now (resolved), or AddressRefused naming why.
   * Every resolved address must pass: a name that also points inside is refused.
   */
  async resolve(url: URL): Promise<{ address: string; family: 4 | 6 }[]> {
    const host = url.hostname
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '');
    let addresses: { address: string; family: number }[];
    if (isIP(host)) {
      addresses = [{ address: host, family: isIP(host) }];
    } else {
      try {
        addresses = await lookup(host, { all: true, verbatim: true });
      } catch {
        throw new AddressRefused(`the host "${host}" does not resolve`);
      }
    }
    if (addresses.length === 0) throw new AddressRefused(`the host "${host}" does not resolve`);
    const refused = addresses.find((a) => !this.allows(host, a.address));
    if (refused) {
      throw new AddressRefused(
        `${refused.address} is a private, loopback or reserved address; WEBHOOK_ALLOWED_HOSTS does not name it`,
      );
    }
    return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }
}
