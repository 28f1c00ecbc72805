import { CREDENTIAL_TTL_MS, CredentialCache, type CachedCredential } from './credential-cache.js';

function entry(userId: string, tokenId: string, readAt = 0): CachedCredential {
  return {
    viewer: {
      user: {
        id: userId,
        name: userId,
        email: `${userId}@cache.test`,
        role: 'MEMBER',
        teams: ['PRODUCT'],
        createdAt: new Date(0),
        active: true,
        managedBy: 'LOCAL',
      },
      tokenId,
      actor: { id: userId, role: 'MEMBER', teams: ['PRODUCT'] },
    },
    readAt,
    lastUsedAt: 0,
    expiresAt: null,
    signedInAt: null,
  };
}

describe('CredentialCache', () => {
  it('answers what was stored until the TTL, then reads again', () => {
    const cache = new CredentialCache();
    cache.set('a', entry('u1', 't1'), cache.generation);
    expect(cache.get('a', CREDENTIAL_TTL_MS)?.viewer.tokenId).toBe('t1');
    expect(cache.get('a', CREDENTIAL_TTL_MS + 1)).toBeNull();
    expect(cache.get('a', 0)).toBeNull(); // an expired entry is gone
  });

  it('drops one credential, everything a user holds, or all', () => {
    const cache = new CredentialCache();
    for (const [hash, user, token] of [
      ['a', 'u1', 't1'],
      ['b', 'u1', 't2'],
      ['c', 'u2', 't3'],
    ] as const)
      cache.set(hash, entry(user, token), cache.generation);
    cache.drop({ tokenId: 't3' });
    expect(cache.get('c', 0)).toBeNull();
    cache.drop({ userId: 'u1' });
    expect([cache.get('a', 0), cache.get('b', 0)]).toEqual([null, null]);
    cache.set('c', entry('u2', 't3'), cache.generation);
    cache.drop(null);
    expect(cache.size).toBe(0);
  });

  it('never stores what a lookup read before a drop', () => {
    const cache = new CredentialCache();
    const before = cache.generation;
    cache.drop({ tokenId: 'elsewhere' }); // e.g. a revocation arriving mid-lookup
    cache.set('a', entry('u1', 't1'), before);
    expect(cache.get('a', 0)).toBeNull();
  });

  it('holds at most 10,000 entries, the least recently used leaving first', () => {
    const cache = new CredentialCache();
    for (let i = 0; i < 10_000; i += 1) cache.set(`h${i}`, entry('u', `t${i}`), cache.generation);
    expect(cache.get('h0', 0)).not.toBeNull(); // now the most recently used
    cache.set('new', entry('u', 'new'), cache.generation);
    expect(cache.size).toBe(10_000);
    expect(cache.get('h1', 0)).toBeNull();
    expect(cache.get('h0', 0)).not.toBeNull();
  });
});
