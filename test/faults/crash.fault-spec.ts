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
import { startServer } from '../support/server-process.js';

describe('SIGKILL of the API while 8 clients write to one launch', () => {
  it('keeps every acknowledged mutation and nothing that was not asked for; replay matches, sequences gap-free', async () => {
    const scratch = await createScratchDatabase('crash');
    const env = {
      DATABASE_URL: scratch.url,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    let server = await startServer(env);
    try {
      const cast = await createCast(server.url);
      const launch = await createLaunchOver(server.url, cast.coordinator, `crash-${Date.now()}`);

      const acknowledged = new Set<string>();
      const inFlight = new Set<string>();
      const failuresBeforeKill: string[] = [];
      let killed = false;
      // Four clients add items, four sign NO_GO with a unique comment: every write is recognisable.
      const client = async (n: number) => {
        for (let i = 0; !killed; i += 1) {
          const tag = `c${n}-${i}`;
          inFlight.add(tag);
          try {
            const res =
              n < 4
                ? await post(
                    server.url,
                    cast.coordinator,
                    `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
                    {
                      i: {
                        launchId: launch.id,
                        stage: 'BETA',
                        team: TEAMS[n % 3],
                        title: tag,
                        required: false,
                      },
                    },
                  )
                : await post(
                    server.url,
                    cast.members[TEAMS[n % 3]!],
                    `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
                    {
                      i: {
                        launchId: launch.id,
                        team: TEAMS[n % 3],
                        decision: 'NO_GO',
                        comment: tag,
                      },
                    },
                  );
            if (!res.errors) {
              acknowledged.add(tag);
              inFlight.delete(tag);
            } else if (!killed) {
              failuresBeforeKill.push(`${tag}: ${JSON.stringify(res.errors)}`);
              return;
            }
          } catch (error) {
            if (!killed) failuresBeforeKill.push(`${tag}: ${String(error)}`);
            return; // the connection died with the process: this one stays "in flight"
          }
        }
      };
      const clients = Array.from({ length: 8 }, (_, n) => client(n));
      // Kill once the writes are well under way (a deadline, not a fixed wait).
      const deadline = Date.now() + 30_000;
      while (acknowledged.size < 120 && failuresBeforeKill.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      killed = true;
      server.child.kill('SIGKILL');
      await Promise.all(clients);
      await server.exited;
      expect(failuresBeforeKill).toEqual([]);
      expect(acknowledged.size).toBeGreaterThan(20);

      server = await startServer(env);
      const after = await post<{
        launch: {
          version: number;
          checklist: { title: string }[];
          signOffs: { comment: string }[];
        };
      }>(
        server.url,
        cast.coordinator,
        `query($id: ID!) { launch(id: $id) { version checklist(stage: BETA) { title } signOffs(includeSuperseded: true) { comment } } }`,
        { id: launch.id },
      );
      // Every row of the launch is looked at, not only tag-shaped ones: a row written twice or
      // one nobody asked for fails as much as a lost one.
      const direct = await openDirect(scratch.url);
      try {
        const template = new Set(launch.checklist.map((i) => i.id));
        const stored = [
          ...(
            (await direct.dataSource.query(
              `SELECT id, title FROM checklist_item WHERE launch_id = $1`,
              [launch.id],
            )) as { id: string; title: string }[]
          )
            .filter((row) => !template.has(row.id))
            .map((row) => row.title),
          ...(
            (await direct.dataSource.query(`SELECT comment FROM sign_off WHERE launch_id = $1`, [
              launch.id,
            ])) as { comment: string | null }[]
          ).map((row) => String(row.comment)),
        ];
        expect(stored.filter((t) => !/^c\d-\d+$/.test(t))).toEqual([]);
        expect(stored.filter((t, i) => stored.indexOf(t) !== i)).toEqual([]);
        expect(after.data!.launch.checklist).toHaveLength(
          launch.checklist.filter((i) => i.stage === 'BETA').length +
            stored.filter((t) => /^c[0-3]-/.test(t)).length,
        );
        for (const tag of acknowledged)
          expect({ tag, stored: stored.includes(tag) }).toEqual({ tag, stored: true });
        // Anything stored but unacknowledged was in flight at the kill (committed, answer lost).
        const unacknowledged = stored.filter((t) => !acknowledged.has(t));
        expect(unacknowledged.filter((t) => !inFlight.has(t))).toEqual([]);
        expect(unacknowledged.length).toBeLessThanOrEqual(8);
        expect(after.data!.launch.signOffs).toHaveLength(
          stored.filter((t) => /^c[4-7]-/.test(t)).length,
        );
        expect((await verifyLaunch(direct.dataSource, launch.id)).problems).toEqual([]);
        process.stdout.write(
          `crash: ${acknowledged.size} acknowledged, ${unacknowledged.length} in-flight committed, version ${after.data!.launch.version}\n`,
        );
      } finally {
        await direct.close();
      }
    } finally {
      await server.stop('SIGKILL');
      await scratch.drop();
    }
  });
});
