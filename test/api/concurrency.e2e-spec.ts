import { verifyLaunch } from '../../apps/api/src/launches/launch-verifier.js';
import {
  advance,
  completeItem,
  createLaunch,
  createTeamMembers,
  getLaunch,
  ok,
  satisfyGate,
  signOff,
  TEAMS,
} from '../support/launch-factory.js';
import { bootTestApp, type TestApp } from '../support/test-app.js';

describe('concurrent commands on one launch', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp();
  });
  afterAll(() => app.close());

  it('loses nothing under 60 sign-offs and 10 advances at once: gap-free sequence, each stage entered once', async () => {
    const coordinator = await app.createUser({ role: 'COORDINATOR' });
    const members = await createTeamMembers(app);
    const launch = await createLaunch(app, coordinator.token);
    for (const item of launch.checklist.filter((i) => i.stage === 'PLANNING' && i.required)) {
      ok(await completeItem(app, members[item.team].token, item.id));
    }

    const signOffs = Array.from({ length: 60 }, (_, i) => {
      const team = TEAMS[i % 3]!;
      // Mostly GO, with a NO_GO now and then, so blocking and lifting race with advancing.
      const decision = i % 7 === 0 ? 'NO_GO' : 'GO';
      return signOff(
        app,
        members[team].token,
        launch.id,
        team,
        decision,
        decision === 'NO_GO' ? `objection ${i}` : undefined,
      );
    });
    const advances = Array.from({ length: 10 }, () => advance(app, coordinator.token, launch.id));
    const [signResults, advanceResults] = await Promise.all([
      Promise.all(signOffs),
      Promise.all(advances),
    ]);

    const acceptedSignOffs = signResults.filter((r) => !r.errors).length;
    const acceptedAdvances = advanceResults.filter((r) => !r.errors).length;
    // Lower bounds, so a server refusing contended writes fails: a NO_GO is allowed at any
    // time before a final stage, and a GO on PLANNING (its items done) is refused only once
    // the launch has left PLANNING; an advance is refused only by its gate.
    const refusals = signResults.map((res, i) => ({
      i,
      decision: i % 7 === 0 ? 'NO_GO' : 'GO',
      code: res.errors?.[0]?.extensions?.code ?? null,
    }));
    expect(refusals.filter((r) => r.decision === 'NO_GO' && r.code !== null)).toEqual([]);
    expect(
      refusals.filter(
        (r) => r.code !== null && (acceptedAdvances === 0 || r.code !== 'GATE_NOT_SATISFIED'),
      ),
    ).toEqual([]);
    expect(
      advanceResults.filter(
        (r) => r.errors && r.errors[0]?.extensions?.code !== 'GATE_NOT_SATISFIED',
      ),
    ).toEqual([]);

    const events: { sequence: number; type: string }[] =
      await app.running.database.dataSource.query(
        `SELECT sequence, type FROM launch_event WHERE launch_id = $1 ORDER BY sequence`,
        [launch.id],
      );
    const final = await getLaunch(app, coordinator.token, launch.id);

    // Every acknowledged change is an event; nothing else is.
    expect(events.filter((e) => e.type.startsWith('SIGNED_'))).toHaveLength(acceptedSignOffs);
    expect(events.filter((e) => e.type === 'ADVANCED')).toHaveLength(acceptedAdvances);
    expect(acceptedAdvances).toBeLessThanOrEqual(1);
    expect(final.stage).toBe(acceptedAdvances === 1 ? 'ALPHA' : 'PLANNING');
    expect(events.map((e) => e.sequence)).toEqual(
      Array.from({ length: final.version }, (_, i) => i + 1),
    );
    // At most one ACTIVE sign-off per team and stage.
    for (const stage of ['PLANNING', 'ALPHA'] as const) {
      for (const team of TEAMS) {
        expect(
          final.signOffs.filter(
            (s) => s.stage === stage && s.team === team && s.status === 'ACTIVE',
          ).length,
        ).toBeLessThanOrEqual(1);
      }
    }
    // The stored state is exactly what the events replay to.
    expect((await verifyLaunch(app.running.database.dataSource, launch.id)).problems).toEqual([]);
    process.stdout.write(
      `concurrency: ${acceptedSignOffs}/60 sign-offs and ${acceptedAdvances}/10 advances accepted, ${final.version} events, stage ${final.stage}\n`,
    );
  });

  it('accepts all of 60 simultaneous sign-offs on PLANNING and keeps exactly one ACTIVE per team', async () => {
    const coordinator = await app.createUser({ role: 'COORDINATOR' });
    const members = await createTeamMembers(app);
    const launch = await createLaunch(app, coordinator.token);
    for (const item of launch.checklist.filter((i) => i.stage === 'PLANNING' && i.required)) {
      ok(await completeItem(app, members[item.team].token, item.id));
    }
    const before = (await getLaunch(app, coordinator.token, launch.id)).version;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const team = TEAMS[i % 3]!;
        return i % 7 === 0
          ? signOff(app, members[team].token, launch.id, team, 'NO_GO', `objection ${i}`)
          : signOff(app, members[team].token, launch.id, team, 'GO');
      }),
    );
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const final = await getLaunch(app, coordinator.token, launch.id);
    expect(final.version).toBe(before + 60);
    expect(final.signOffs).toHaveLength(60);
    for (const team of TEAMS) {
      expect(final.signOffs.filter((s) => s.team === team && s.status === 'ACTIVE')).toHaveLength(
        1,
      );
    }
    expect((await verifyLaunch(app.running.database.dataSource, launch.id)).problems).toEqual([]);
  });

  it('lets exactly one of 10 simultaneous advances of a ready launch through', async () => {
    const coordinator = await app.createUser({ role: 'COORDINATOR' });
    const members = await createTeamMembers(app);
    const launch = await createLaunch(app, coordinator.token);
    const ready = await satisfyGate(app, members, launch.id);
    expect(ready.readiness.canAdvance).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => advance(app, coordinator.token, launch.id)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    // The other nine meet ALPHA's gate, which nobody has satisfied.
    expect(results.filter((r) => r.errors).map((r) => r.errors![0]?.extensions?.code)).toEqual(
      Array.from({ length: 9 }, () => 'GATE_NOT_SATISFIED'),
    );
    const final = await getLaunch(app, coordinator.token, launch.id);
    expect(final.stage).toBe('ALPHA');
    expect(final.version).toBe(ready.version + 1);
    expect((await verifyLaunch(app.running.database.dataSource, launch.id)).problems).toEqual([]);
  });
});
