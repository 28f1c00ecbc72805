const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Dates in the server's sentences, for people and the same on every machine (UTC, no locale):
 * 2026-12-05T19:30:42.453Z -> "5 Dec 2026".
 */
export function humanDay(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/** 2026-12-05T19:30:42.453Z -> "5 Dec 2026, 19:30 UTC". */
export function humanMoment(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${humanDay(iso)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
