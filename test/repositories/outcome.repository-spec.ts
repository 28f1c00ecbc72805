import { outcomeWindow, type Actor, type Ticket } from '#workflow';
import { runStatement } from '../../apps/api/src/database/write-batch.repository.js';
import { OutcomeRepository, type GaRow } from '../../apps/api/src/outcomes/outcome.repository.js';
import { LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const DAY_MS = 86_400_000;
const T0 = '2030-01-01T00:00:00.000Z';
const NOW = '2030-06-01T00:00:00.000Z';
const at = (days: number) => new Date(Date.parse(T0) + days * DAY_MS).toISOString();

let serial = 0;
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  source: 'repo',
  externalId: `t-${(serial += 1)}`,
  openedAt: T0,
  launchKey: null,
  priority: null,
  url: null,
  ...over,
});

describe('OutcomeRepository', () => {
  const database = useRepositoryDatabase('outcome_repo');
  let repo: OutcomeRepository;
  let fixture: LaunchFixture;
  let admin: Actor;

  beforeAll(async () => {
    repo = new OutcomeRepository(database.dataSource);
    fixture = new LaunchFixture(database.dataSource);
    admin = await fixture.actor('ADMIN');
  });

  /** The GA record as the command path writes it. */
  const recordGa = (row: GaRow) => runStatement(database.dataSource, repo.recordGaStatement(row));
  /** A stored launch recorded as reaching GA at `gaAt`. */
  async function gaLaunch(template: 'standard' | 'lite', gaAt: string, due: string | null = null) {
    const { state } = await fixture.create(admin, T0, { template });
    await recordGa({
      launchId: state.id,
      key: state.key,
      template,
      gaAt,
      measureDueAt: due,
    });
    return state;
  }
  const store = (tickets: Ticket[]) => repo.upsertTickets(database.dataSource, tickets);

  it('upserts tickets by (source, externalId): created, updated when a field changed, untouched otherwise', async () => {
    const a = ticket({ externalId: 'same' });
    const b = ticket({ externalId: 'changing', priority: 'low' });
    expect(await store([a, b])).toEqual({ created: 2, updated: 0 });
    expect(await store([a, { ...b, priority: 'high' }, ticket({ externalId: 'new' })])).toEqual({
      created: 1,
      updated: 1,
    });
    // Another source's ticket of the same id is another ticket.
    expect(await store([{ ...a, source: 'other' }])).toEqual({ created: 1, updated: 0 });
  });

  it('knows launch and baseline keys, and never rewrites a stored baseline launch', async () => {
    const { state } = await fixture.create(admin, T0);
    const base = { key: `old-${state.key}`, name: 'Old', gaAt: at(-100) };
    await repo.insertBaselines(database.dataSource, [base]);
    const again = await repo.insertBaselines(database.dataSource, [{ ...base, name: 'Other' }]);
    expect(again.map((r) => [r.key, r.name])).toEqual([[base.key, 'Old']]);
    expect(await repo.knownKeys(database.dataSource, [state.key, base.key, 'nothing'])).toEqual(
      new Set([state.key, base.key]),
    );
    expect(await repo.launchKeysTaken(database.dataSource, [state.key, base.key])).toEqual([
      state.key,
    ]);
  });

  it('counts [gaAt - w, gaAt) and [gaAt, gaAt + w) exactly at their edges, and whole UTC days', async () => {
    const gaAt = '2030-02-10T12:00:00.000Z';
    const launch = await gaLaunch('lite', gaAt);
    const w = outcomeWindow(gaAt, 2);
    expect(await repo.gaAt(launch.id)).toBe(gaAt);
    const control = await repo.counts(database.dataSource, launch.key, w);
    await store([
      ticket({ openedAt: w.beforeFrom, launchKey: launch.key }), // first instant of before
      ticket({ openedAt: gaAt, launchKey: launch.key }), // GA itself is after
      ticket({
        openedAt: new Date(Date.parse(w.afterTo) - 1).toISOString(),
        launchKey: launch.key,
      }),
      ticket({ openedAt: w.afterTo, launchKey: launch.key }), // outside
      ticket({ openedAt: '2030-02-08T01:00:00.000Z', launchKey: launch.key }), // first day, before the window
      ticket({ openedAt: gaAt }), // the control only
    ]);
    const counts = await repo.counts(database.dataSource, launch.key, w);
    expect(counts).toEqual({
      ticketsBefore: 1,
      ticketsAfter: 2,
      allTicketsBefore: control.allTicketsBefore + 1,
      allTicketsAfter: control.allTicketsAfter + 3,
    });
    // The first and last days count whole: 5 tickets by day against 3 in the windows.
    expect(Object.fromEntries(await repo.daily(launch.key, w))).toEqual({
      '2030-02-08': 2,
      '2030-02-10': 1,
      '2030-02-12': 2,
    });
  });

  it('reports cohorts by template, then the baseline: launches in [from, to), median and mean over complete windows', async () => {
    const from = at(1000);
    const ga = (d: number) => at(1000 + d);
    const keyed = async (template: 'standard' | 'lite', gaAt: string, n: number) => {
      const l = await gaLaunch(template, gaAt);
      await store(
        Array.from({ length: n }, (_, i) =>
          ticket({
            openedAt: new Date(Date.parse(gaAt) + i * 3_600_000).toISOString(),
            launchKey: l.key,
          }),
        ),
      );
      return l;
    };
    // standard: 1, 3, 4 and 10 tickets (median of an even count: (3 + 4) / 2), lite: 5.
    for (const [i, n] of [1, 3, 4, 10].entries()) await keyed('standard', ga(i), n);
    await keyed('lite', ga(5), 5);
    // Complete only from ga(40) + 14 days on: counted as a launch, not in the figures.
    await keyed('lite', ga(40), 50);
    // Outside the range on both sides.
    await keyed('lite', at(999), 7);
    await keyed('standard', ga(60), 7);
    const bases = [
      { key: `base-a-${serial}`, name: 'A', gaAt: ga(2) },
      { key: `base-b-${serial}`, name: 'B', gaAt: ga(3) },
    ];
    await repo.insertBaselines(database.dataSource, bases);
    await store([
      ...Array.from({ length: 8 }, (_, i) =>
        ticket({ openedAt: ga(2 + i / 10), launchKey: bases[0]!.key }),
      ),
      // Tickets of a baseline launch after its window do not count.
      ticket({ openedAt: ga(2 + 14), launchKey: bases[0]!.key }),
    ]);

    const now = ga(50);
    expect(await repo.report(14, from, ga(60), now)).toEqual([
      { name: 'lite', baseline: false, launches: 2, median: 5, mean: 5 },
      { name: 'standard', baseline: false, launches: 4, median: 3.5, mean: 4.5 },
      { name: 'baseline', baseline: true, launches: 2, median: 4, mean: 4 },
    ]);
    // A window not complete for anyone: counted launches, null figures.
    expect(await repo.report(14, ga(40), ga(41), now)).toEqual([
      { name: 'lite', baseline: false, launches: 1, median: null, mean: null },
    ]);
    // A shorter window counts fewer tickets: lite's 5 tickets all fall in its first day.
    const oneDay = await repo.report(1, from, ga(60), now);
    expect(oneDay.find((c) => c.name === 'standard')).toMatchObject({ median: 3.5 });
  });

  it("counts on its indexes: a launch's tickets by (launch_key, opened_at), the control by opened_at", async () => {
    const plan = await database.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_seqscan = off`);
      const rows: { 'QUERY PLAN': string }[] = await tx.query(
        `EXPLAIN SELECT count(*) FROM support_ticket WHERE launch_key = 'k' AND opened_at >= $1 AND opened_at < $2
         UNION ALL SELECT count(*) FROM support_ticket WHERE opened_at >= $1 AND opened_at < $2`,
        [T0, NOW],
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/support_ticket_launch/);
    expect(plan).toMatch(/support_ticket_opened/);
  });

  it('keeps the OUTCOME_MEASURED timer: due at measure_due_at, owed until measured', async () => {
    const due = at(3014);
    const launch = await gaLaunch('lite', at(3000), due);
    const mine = (ids: string[]) => ids.filter((id) => id === launch.id);
    expect(mine(await repo.due(new Date(Date.parse(due) - 1), 100))).toEqual([]);
    expect(mine(await repo.due(new Date(due), 100))).toEqual([launch.id]);
    await database.dataSource.transaction(async (tx) => {
      expect(await repo.owed(tx, launch.id, new Date(Date.parse(due) - 1))).toBeNull();
      expect(await repo.owed(tx, launch.id, new Date(due))).toMatchObject({
        launchId: launch.id,
        gaAt: at(3000),
      });
      await repo.measured(tx, launch.id);
      expect(await repo.owed(tx, launch.id, new Date(due))).toBeNull();
    });
    expect(mine(await repo.due(new Date(at(4000)), 100))).toEqual([]);
    // A second GA record of the same launch changes nothing.
    await recordGa({
      launchId: launch.id,
      key: launch.key,
      template: 'lite',
      gaAt: at(3500),
      measureDueAt: at(3514),
    });
    expect(await repo.gaAt(launch.id)).toBe(at(3000));
  });
});
