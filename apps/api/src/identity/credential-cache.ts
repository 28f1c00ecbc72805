import type { Viewer } from './viewer.js';

/** A credential found live in the database, with what its next uses must still check. */
export interface CachedCredential {
  viewer: Viewer;
  /** Milliseconds (wall clock) when it was read: entries older than the TTL are read again. */
  readAt: number;
  /** lastUsedAt as this process last saw or wrote it (ms). */
  lastUsedAt: number;
  /** Token expiry (API tokens only, ms). */
  expiresAt: number | null;
  /** Sign-in time (sessions only, ms): their maximum age is judged from it. */
  signedInAt: number | null;
}

/** Bounds what one process holds: an entry is a few hundred bytes. */
const MAX_ENTRIES = 10_000;
/**
 * A backstop only: revocations, deactivations and user changes drop entries at once through
 * the credential events. The TTL bounds what a silently dead LISTEN connection could miss.
 */
export const CREDENTIAL_TTL_MS = 10_000;

/**
 * Live credentials by the hash of their secret, so a request authenticates without a
 * statement. Least recently used entries go first. `generation` changes with every drop, so
 * a lookup that began before a revocation never stores what it read.
 */
export class CredentialCache {
  private readonly entries = new Map<string, CachedCredential>();
  private generationValue = 0;

  get generation(): number {
    return this.generationValue;
  }

  get size(): number {
    return this.entries.size;
  }

  get(hash: string, now: number): CachedCredential | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    this.entries.delete(hash);
    if (now - entry.readAt > CREDENTIAL_TTL_MS) return null;
    this.entries.set(hash, entry); // most recently used last
    return entry;
  }

  /** Stores what a lookup read, unless something was dropped since it began. */
  set(hash: string, entry: CachedCredential, generation: number): void {
    if (generation !== this.generationValue) return;
    this.entries.delete(hash);
    this.entries.set(hash, entry);
    if (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  /** Drops one credential (token or session id), everything a user holds, or (null) all. */
  drop(which: { tokenId: string } | { userId: string } | null): void {
    this.generationValue += 1;
    if (which === null) {
      this.entries.clear();
      return;
    }
    for (const [hash, { viewer }] of this.entries) {
      if ('tokenId' in which ? viewer.tokenId === which.tokenId : viewer.user.id === which.userId) {
        this.entries.delete(hash);
      }
    }
  }
}
