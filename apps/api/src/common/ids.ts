import { AppError } from './app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that names nothing, malformed or not, is NOT_FOUND (GATES.md), without asking the database. */
export function parseId(id: string, what: string): string {
  if (!UUID.test(id)) throw AppError.notFound(what);
  return id.toLowerCase();
}

export function isUuid(id: string): boolean {
  return UUID.test(id);
}
