import { TEAMS } from '#workflow';
import { verifyLaunch } from '../../apps/api/src/launches/launch-verifier.js';
import {
  ADMIN_TOKEN,
  createCast,
  createLaunchOver,
  openDirect,
} from '../support/fault-fixtures.js';
import { post } from '../support/http-client.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { startServer, type ServerProcess } from '../support/server-process.js';

describe('three API processes on one PostgreSQL', () => {
  it('keep the gates guarantees under 60 concurrent sign-offs and 10 advances spread over them', async () => {
    const scratch = await createScratchDatabase('multiproc');
    const env = {
      DATABASE_URL: scratch.url,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    const servers: ServerProcess[] = [];
    try {
      for (let i = 0; i < 3; i += 1) servers.push(await startServer(env));
      const url = (i: number) => servers[i % servers.length]!.url;
      const cast = await createCast(url(0));
      const launch = await createLaunchOver(url(1), cast.coordinator, `multi-${Date.now()}`);
      for (const item of launch.checklist.filter((i) => i.stage === 'PLANNING' && i.required)) {
        const res = await post(
          url(2),
          cast.members[item.team],
          `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
          {
            i: { itemId: item.id },
          },
        );
        expect(res.errors).toBeUndefined();
      }

      const signOffs = Array.from({ length: 60 }, (_, i) => {
        const team = TEAMS[i % 3]!;
        const decision = i % 7 === 0 ? 'NO_GO' : 'GO';
        return post(
          url(i),
          cast.members[team],
          `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
          {
            i: {
              launchId: launch.id,
              team,
              decision,
              comment: decision === 'NO_GO' ? `objection ${i}` : null,
            },
          },
        );
      });
      const advances = Array.from({ length: 10 }, (_, i) =>
        post(
          url(i),
          cast.coordinator,
          `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { stage } }`,
          { i: { launchId: launch.id } },
        ),
      );
      const [signed, advanced] = await Promise.all([Promise.all(signOffs), Promise.all(advances)]);
      const acceptedSignOffs = signed.filter((r) => !r.errors).length;
      const acceptedAdvances = advanced.filter((r) => !r.errors).length;
      // Lower bounds, so processes refusing contended writes fail: a NO_GO is allowed at any
      // time before a final stage, a GO on PLANNING (its items done) is refused only once the
      // launch has left PLANNING, and an advance only by its gate.
      const refused = signed.map((res, i) => ({
        decision: i % 7 === 0 ? 'NO_GO' : 'GO',
        code: res.errors?.[0]?.extensions?.code ?? null,
      }));
      expect(refused.filter((r) => r.decision === 'NO_GO' && r.code !== null)).toEqual([]);
      expect(
        refused.filter(
          (r) => r.code !== null && (acceptedAdvances === 0 || r.code !== 'GATE_NOT_SATISFIED'),
        ),
      ).toEqual([]);
      expect(
        advanced.filter((r) => r.errors && r.errors[0]?.extensions?.code !== 'GATE_NOT_SATISFIED'),
      ).toEqual([]);

      const direct = await openDirect(scratch.url);
      try {
        const events = (await direct.dataSource.query(
          `SELECT sequence, type FROM launch_event WHERE launch_id = $1 ORDER BY sequence`,
          [launch.id],
        )) as { sequence: number; type: string }[];
        expect(events.filter((e) => e.type.startsWith('SIGNED_'))).toHaveLength(acceptedSignOffs);
        expect(events.filter((e) => e.type === 'ADVANCED')).toHaveLength(acceptedAdvances);
        expect(acceptedAdvances).toBeLessThanOrEqual(1);
        expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
        const active = (await direct.dataSource.query(
          `SELECT stage, team, count(*)::int AS n FROM sign_off WHERE launch_id = $1 AND status = 'ACTIVE' GROUP BY stage, team ORDER BY stage, team`,
          [launch.id],
        )) as { stage: string; team: string; n: number }[];
        // Every team signed PLANNING (NO_GOs are never refused), once ACTIVE at most anywhere.
        expect(
          active
            .filter((row) => row.stage === 'PLANNING')
            .map((row) => row.team)
            .sort(),
        ).toEqual([...TEAMS].sort());
        expect(active.filter((row) => row.n !== 1)).toEqual([]);
        expect((await verifyLaunch(direct.dataSource, launch.id)).problems).toEqual([]);
        process.stdout.write(
          `three processes: ${acceptedSignOffs}/60 sign-offs, ${acceptedAdvances}/10 advances accepted, ${events.length} events, gap-free\n`,
        );
      } finally {
        await direct.close();
      }
    } finally {
      for (const server of servers) await server.stop();
      await scratch.drop();
    }
  });
});
