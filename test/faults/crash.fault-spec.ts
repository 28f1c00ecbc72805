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
              throw new Error(`unexpected refusal before the kill: ${JSON.stringify(res.errors)}`);
            }
          } catch (error) {
            if (!killed) throw error;
            return; // the connection died with the process: this one stays "in flight"
          }
        }
      };
      const clients = Array.from({ length: 8 }, (_, n) => client(n));
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      killed = true;
      server.child.kill('SIGKILL');
      await Promise.allSettled(clients);
      await server.exited;
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
      const stored = new Set([
        ...after.data!.launch.checklist.map((i) => i.title),
        ...after.data!.launch.signOffs.map((s) => s.comment),
      ]);
      for (const tag of acknowledged)
        expect({ tag, stored: stored.has(tag) }).toEqual({ tag, stored: true });
      const tags = [...stored].filter((t) => /^c\d-\d+$/.test(t));
      // Anything stored but unacknowledged was in flight at the kill (committed, answer lost).
      for (const tag of tags.filter((t) => !acknowledged.has(t)))
        expect(inFlight.has(tag)).toBe(true);
      expect(tags.length - acknowledged.size).toBeLessThanOrEqual(8);

      const direct = await openDirect(scratch.url);
      try {
        expect((await verifyLaunch(direct.dataSource, launch.id)).problems).toEqual([]);
      } finally {
        await direct.close();
      }
      process.stdout.write(
        `crash: ${acknowledged.size} acknowledged, ${tags.length - acknowledged.size} in-flight committed, version ${after.data!.launch.version}\n`,
      );
    } finally {
      await server.stop('SIGKILL');
      await scratch.drop();
    }
  });
});
