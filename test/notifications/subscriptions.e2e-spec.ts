import { createLaunch, ok, signOff } from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { COMMENT, collect, percentile, waitFor, wsClient } from './notification-helpers.js';

describe('launchEvents subscriptions over graphql-ws', () => {
  let one: TestApp;
  let two: TestApp;
  let coordinator: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    // Two API processes' worth of app on one database: nothing is shared but PostgreSQL.
    // (Booted one after the other: migrations on a fresh database are not run concurrently.)
    one = await bootTestApp();
    two = await bootTestApp();
    coordinator = await one.createUser({ role: 'COORDINATOR' });
    member = await one.createUser({ role: 'MEMBER', teams: ['ENGINEERING'] });
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
  });

  it('delivers every committed event of the launch once, in sequence order, with its actor', async () => {
    const launch = await createLaunch(one, coordinator.token);
    const stream = await collect(one, member.token, launch.id);
    ok(await signOff(one, member.token, launch.id, 'ENGINEERING', 'NO_GO', 'Flaky tests'));
    for (let i = 0; i < 5; i += 1) {
      ok(await one.gql(coordinator.token, COMMENT, { i: { launchId: launch.id, body: `#${i}` } }));
    }
    // A last comment closes the run: delivery is in sequence order, so a repeat or stray event
    // among the six would arrive before it (no fixed wait for "nothing more").
    ok(await one.gql(coordinator.token, COMMENT, { i: { launchId: launch.id, body: 'last' } }));
    await waitFor(() => stream.events.some((e) => e.sequence === 8), 10_000, 'the last event');
    await stream.close();
    expect(stream.errors).toEqual([]);
    expect(stream.events.map((e) => e.sequence)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(stream.events[0]).toMatchObject({
      type: 'SIGNED_NO_GO',
      team: 'ENGINEERING',
      actor: { id: member.id },
    });
    expect(stream.events.slice(1).map((e) => [e.type, e.actor?.id])).toEqual(
      Array(6).fill(['COMMENTED', coordinator.id]),
    );
  });

  it('an unknown or missing token closes the socket with 4403 and a reason', async () => {
    for (const token of ['not-a-real-token-at-all-1234567890', null]) {
      const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
        const client = wsClient(one, token);
        client.on('closed', (event) => {
          const e = event as { code: number; reason: string };
          resolve({ code: e.code, reason: e.reason });
          void client.dispose();
        });
      });
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/authorization.*Bearer/);
    }
  });

  it('an unknown launch is NOT_FOUND', async () => {
    const stream = await collect(one, member.token, '00000000-0000-4000-8000-000000000000');
    await waitFor(() => stream.errors.length > 0, 5_000, 'an error');
    await stream.close();
    expect(JSON.stringify(stream.errors)).toContain('NOT_FOUND');
  });

  it('a subscriber on one process receives, in order and once, what is committed through another', async () => {
    const launch = await createLaunch(two, coordinator.token);
    const onOne = await collect(one, member.token, launch.id);
    const all = await collect(one, member.token, null);
    // Concurrent writers on both processes: commit order decides the sequence.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? one : two).gql(coordinator.token, COMMENT, {
          i: { launchId: launch.id, body: `race ${i}` },
        }),
      ),
    );
    // A last comment after the race: in-order delivery puts any repeat before it.
    ok(await two.gql(coordinator.token, COMMENT, { i: { launchId: launch.id, body: 'last' } }));
    await waitFor(() => onOne.events.some((e) => e.sequence === 22), 10_000, 'the last event');
    await waitFor(
      () => all.events.some((e) => e.launchId === launch.id && e.sequence === 22),
      10_000,
      'the last event on the all-launches stream',
    );
    await Promise.all([onOne.close(), all.close()]);
    const expected = Array.from({ length: 21 }, (_, i) => i + 2);
    expect(onOne.events.map((e) => e.sequence)).toEqual(expected);
    expect(all.events.filter((e) => e.launchId === launch.id).map((e) => e.sequence)).toEqual(
      expected,
    );
  });

  // The latency is printed, not asserted: a figure for the benchmark, not a pass/fail rule.
  it('delivers each of many events committed on one process to a subscriber on another, in order (and prints the fan-out latency)', async () => {
    const launch = await createLaunch(two, coordinator.token);
    const stream = await collect(one, member.token, launch.id);
    const latencies: number[] = [];
    const n = Number(process.env.FANOUT_SAMPLES ?? 200);
    for (let i = 0; i < n; i += 1) {
      const sent = performance.now();
      const res = await two.gql<{ addComment: { sequence: number } }>(coordinator.token, COMMENT, {
        i: { launchId: launch.id, body: `ping ${i}` },
      });
      const { sequence } = ok(res).addComment;
      const acked = performance.now();
      await waitFor(() => stream.events.some((e) => e.sequence === sequence), 5_000, 'the event');
      const received = stream.events.find((e) => e.sequence === sequence)!.receivedAt;
      // The commit lies between sending and the answer: count from the answer, and bound
      // it by the whole round trip.
      latencies.push(Math.max(0, received - acked));
      if (received < sent) throw new Error('received before it was sent');
    }
    await stream.close();
    const median = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    process.stdout.write(
      `fan-out between two processes over ${n} events: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (from the mutation's answer on one to receipt via the other)\n`,
    );
    expect(stream.events.map((e) => e.sequence)).toEqual(
      Array.from({ length: n }, (_, i) => i + 2),
    );
  });
});
