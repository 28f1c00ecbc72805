import { humanDay, humanMoment } from './human-time.js';

describe('dates in server sentences', () => {
  it('reads as words, in UTC, the same on every machine', () => {
    expect(humanDay('2026-12-05T19:30:42.453Z')).toBe('5 Dec 2026');
    expect(humanMoment('2026-12-05T19:30:42.453Z')).toBe('5 Dec 2026, 19:30 UTC');
    expect(humanMoment('2027-01-01T03:04:00.000Z')).toBe('1 Jan 2027, 03:04 UTC');
  });
});
