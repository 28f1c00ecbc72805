import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { LaunchEventType, Stage, Team } from '#workflow';

/** The fields an event's hash covers: everything it says, and the hash before it. */
export interface HashedEventFields {
  id: string;
  launchId: string;
  sequence: number;
  type: LaunchEventType;
  stage: Stage;
  team: Team | null;
  actorId: string | null;
  at: string;
  data: unknown;
  prevHash: string | null;
}

/** SHA-256 (hex) over RFC 8785 canonical JSON, so key order never changes a hash. */
export function eventHash(fields: HashedEventFields): string {
  return createHash('sha256')
    .update(canonicalize(fields) ?? '')
    .digest('hex');
}
