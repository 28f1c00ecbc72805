import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { OutcomeRepository } from '../../apps/api/src/outcomes/outcome.repository.js';
import { CsvImportError, importTicketCsv } from '../../apps/api/src/outcomes/ticket-csv.import.js';
import { LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const NOW = '2030-06-01T00:00:00.000Z';
const HEADER = 'external_id,opened_at,launch_key,priority,url';

describe('the ticket CSV import (one transaction per file)', () => {
  const database = useRepositoryDatabase('ticket_csv');
  let repo: OutcomeRepository;
  let launchKey: string;

  beforeAll(async () => {
    repo = new OutcomeRepository(database.dataSource);
    const fixture = new LaunchFixture(database.dataSource);
    const { state } = await fixture.create(await fixture.actor('ADMIN'), '2030-01-01T00:00:00Z');
    launchKey = state.key;
  });

  const count = async (source: string): Promise<number> => {
    const [row] = (await database.dataSource.query(
      `SELECT count(*)::int AS n FROM support_ticket WHERE source = $1`,
      [source],
    )) as [{ n: number }];
    return row.n;
  };
  const run = (source: string, lines: string[]) =>
    importTicketCsv(repo, source, Readable.from([lines.join('\n')]), NOW);
  const failure = async (source: string, lines: string[]) => {
    try {
      await run(source, lines);
    } catch (error) {
      if (error instanceof CsvImportError) return { line: error.line, message: error.message };
      throw error;
    }
    throw new Error('the import was expected to fail');
  };

  it('stores every line, quoted fields and repeats included, the last copy winning', async () => {
    const result = await run('csv-good', [
      HEADER,
      `1,2030-01-02T10:00:00Z,${launchKey},high,https://help.example.com/1`,
      '2,2030-01-03T10:00:00Z,,,',
      '"3","2030-01-04T10:00:00+02:00","","a ""quoted"", priority",""',
      `2,2030-01-03T10:00:00Z,${launchKey},low,`,
    ]);
    expect(result).toEqual({ rows: 4, created: 3, updated: 0 });
    const rows: { external_id: string; launch_key: string | null; priority: string | null }[] =
      await database.dataSource.query(
        `SELECT external_id, launch_key, priority FROM support_ticket WHERE source = 'csv-good' ORDER BY external_id`,
      );
    expect(rows).toEqual([
      { external_id: '1', launch_key: launchKey, priority: 'high' },
      { external_id: '2', launch_key: launchKey, priority: 'low' },
      { external_id: '3', launch_key: null, priority: 'a "quoted", priority' },
    ]);
  });

  it('stores a file larger than one batch in one go', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 2_500; i += 1) lines.push(`${i},2030-01-02T10:00:00Z,,,`);
    expect(await run('csv-big', lines)).toEqual({ rows: 2_500, created: 2_500, updated: 0 });
    expect(await count('csv-big')).toBe(2_500);
  });

  it.each([
    ['a future opened_at', '9,2031-01-01T00:00:00Z,,,', 3, /future/],
    ['an unreadable opened_at', '9,yesterday,,,', 3, /ISO 8601/],
    ['an unknown launch key', '9,2030-01-02T10:00:00Z,no-such-launch,,', 3, /no-such-launch/],
    ['a line with too many fields', '9,2030-01-02T10:00:00Z,,,,extra', 3, /./],
    ['an ftp url', '9,2030-01-02T10:00:00Z,,,ftp://x.example.com', 3, /http/],
  ])(
    'refuses %s with its line number and stores nothing from the file',
    async (_l, bad, line, message) => {
      const source = `csv-bad-${line}-${Math.random().toString(36).slice(2, 8)}`;
      // Good lines first, and more than one batch of them: they roll back too.
      const lines = [HEADER, '1,2030-01-02T10:00:00Z,,,', bad];
      for (let i = 0; i < 1_200; i += 1) lines.push(`x${i},2030-01-02T10:00:00Z,,,`);
      const refused = await failure(source, lines);
      expect(refused.line).toBe(line);
      expect(refused.message).toMatch(new RegExp(`^line ${line}: `));
      expect(refused.message).toMatch(message);
      expect(await count(source)).toBe(0);
    },
  );

  it('refuses a header without opened_at or with an unknown column', async () => {
    expect(
      await failure('csv-head', ['external_id,created', '1,2030-01-02T10:00:00Z']),
    ).toMatchObject({ line: 1 });
    expect(await count('csv-head')).toBe(0);
  });

  it('npm run tickets:import reports the bad line and exits 1 (built CLI)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickets-'));
    const file = join(dir, 'history.csv');
    writeFileSync(file, [HEADER, '1,2025-01-02T10:00:00Z,,,', '2,not a date,,,'].join('\n'));
    const run = spawnSync(
      process.execPath,
      ['dist/apps/api/src/cli/tickets-import.js', '--source', 'csv-cli', file],
      {
        env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}: line 3: `);
    expect(run.stderr).toContain('nothing from this file was stored');
  });
});
