import { AddressGuard, AddressRefused, isPublicAddress } from './address-guard.js';

const NOT_PUBLIC = [
  // IPv4: unspecified, private, loopback, link-local, CGNAT, benchmark, documentation,
  // IETF protocol assignments, 6to4 relay, multicast, reserved, broadcast.
  '0.0.0.0',
  '0.1.2.3',
  '10.0.0.1',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '127.0.0.1',
  '127.255.255.254',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.255',
  '198.18.0.1',
  '198.19.255.255',
  '192.0.2.1',
  '198.51.100.1',
  '203.0.113.1',
  '192.0.0.8',
  '192.88.99.1',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  // IPv6: unspecified, loopback, IPv4-compatible (::/96), IPv4-mapped, SIIT, NAT64 (both
  // prefixes), 6to4, Teredo, unique-local, link-local, site-local, multicast, discard,
  // documentation (both), benchmarking, ORCHID, unassigned space outside 2000::/3.
  '::',
  '::1',
  '::127.0.0.1',
  '::7f00:1',
  '::a00:1',
  '::8.8.8.8',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:8.8.8.8',
  '::ffff:0:7f00:1',
  '64:ff9b::7f00:1',
  '64:ff9b::808:808',
  '64:ff9b:1::a00:1',
  '2002:7f00:1::',
  '2002:0808:0808::1',
  '2001::1',
  '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'febf::1',
  'fec0::1',
  'ff02::1',
  'ff0e::1',
  '100::1',
  '2001:db8::1',
  '3fff::1',
  '2001:2::1',
  '2001:10::1',
  '2001:20::1',
  '4000::1',
  '1::1',
  'not an address',
];

const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.32.0.1',
  '100.128.0.1',
  '2606:4700:4700::1111',
  '2a00:1450:4001:82b::200e',
];

describe('isPublicAddress', () => {
  it.each(NOT_PUBLIC)('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
  it.each(PUBLIC)('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

async function refusal(guard: AddressGuard, url: string): Promise<AddressRefused> {
  const error: unknown = await guard.resolve(new URL(url)).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AddressRefused)) throw new Error(`${url} was not refused`);
  return error;
}

describe('AddressGuard', () => {
  it('refuses every IPv4-embedding IPv6 form of loopback that a URL can carry', async () => {
    const guard = new AddressGuard('');
    for (const url of [
      'http://[::127.0.0.1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:0:7f00:1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://[2002:7f00:1::]/',
      'http://[2001:0:7f00:1::]/',
      'http://[::1]/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://localhost/',
    ]) {
      await refusal(guard, url);
    }
  });

  it('does not say what a name resolved to', async () => {
    const error = await refusal(new AddressGuard(''), 'http://localhost:8080/hook');
    expect(error.message).toMatch(/"localhost" does not resolve, or is or resolves to a private/);
    expect(error.message).not.toMatch(/127\.0\.0\.1|::1/);
  });

  it('answers the same for a name that does not resolve', async () => {
    const error = await refusal(new AddressGuard(''), 'http://no-such-host.invalid/');
    expect(error.message).toMatch(/"no-such-host\.invalid" does not resolve, or is or resolves/);
  });

  it('lets WEBHOOK_ALLOWED_HOSTS name hosts, addresses and CIDRs, and nothing beside them', async () => {
    const byAddress = new AddressGuard(' 127.0.0.1 , [::1]');
    expect(await byAddress.resolve(new URL('http://127.0.0.1:9/'))).toEqual([
      { address: '127.0.0.1', family: 4 },
    ]);
    expect(await byAddress.resolve(new URL('http://[::1]:9/'))).toEqual([
      { address: '::1', family: 6 },
    ]);
    await refusal(byAddress, 'http://127.0.0.2/');
    await refusal(byAddress, 'http://[::ffff:127.0.0.1]/');
    await refusal(byAddress, 'http://10.0.0.1/');

    const byCidr = new AddressGuard('127.0.0.0/8,fd00::/8');
    expect(await byCidr.resolve(new URL('http://127.1.2.3/'))).toHaveLength(1);
    expect(await byCidr.resolve(new URL('http://[fd00::5]/'))).toHaveLength(1);
    await refusal(byCidr, 'http://[fe80::1]/');
    await refusal(byCidr, 'http://192.168.0.1/');

    const byName = new AddressGuard('LocalHost.');
    expect((await byName.resolve(new URL('http://localhost/'))).length).toBeGreaterThan(0);
    await refusal(byName, 'http://127.0.0.1/');
  });

  it('lets public addresses through without any allow-list', async () => {
    const guard = new AddressGuard('');
    expect(await guard.resolve(new URL('https://8.8.8.8/x'))).toEqual([
      { address: '8.8.8.8', family: 4 },
    ]);
    expect(await guard.resolve(new URL('https://[2606:4700:4700::1111]/'))).toEqual([
      { address: '2606:4700:4700::1111', family: 6 },
    ]);
  });
});
