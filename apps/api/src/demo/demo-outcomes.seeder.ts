import { Injectable } from '@nestjs/common';
import { normalizeTicketBatch, TEAMS, type Role, type Team, type TicketInput } from '#workflow';
import { Clock } from '../common/clock.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchCommandService } from '../launches/launch-command.service.js';
import { LaunchQueryService } from '../launches/launch-query.service.js';
import { OutcomesService } from '../outcomes/outcomes.service.js';
import { demoViewer, type DemoUser } from './demo-user.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Shipped demo launches: template, days since GA, tickets before and after GA (14 days each). */
const SHIPPED = [
  {
    key: 'saved-filters',
    name: 'Saved filters',
    template: 'standard',
    gaDaysAgo: 75,
    before: 3,
    after: 6,
  },
  {
    key: 'audit-log-export',
    name: 'Audit log export',
    template: 'standard',
    gaDaysAgo: 52,
    before: 5,
    after: 9,
  },
  {
    key: 'slack-alerts',
    name: 'Slack alerts',
    template: 'standard',
    gaDaysAgo: 31,
    before: 2,
    after: 7,
  },
  {
    key: 'emoji-reactions',
    name: 'Emoji reactions',
    template: 'lite',
    gaDaysAgo: 64,
    before: 4,
    after: 11,
  },
  {
    key: 'keyboard-shortcuts',
    name: 'Keyboard shortcuts',
    template: 'lite',
    gaDaysAgo: 24,
    before: 3,
    after: 13,
  },
  // Shipped a week ago: counted, its first 14 days still running.
  {
    key: 'calendar-sync',
    name: 'Calendar sync',
    template: 'standard',
    gaDaysAgo: 7,
    before: 4,
    after: 2,
  },
] as const;

/** Launches from before the gates, with their tickets in the 14 days after GA. */
const BASELINE = [
  { key: 'legacy-billing-v2', name: 'Billing v2 (before Liftoff)', gaDaysAgo: 420, after: 24 },
  { key: 'legacy-mobile-app', name: 'Mobile app 1.0 (before Liftoff)', gaDaysAgo: 370, after: 31 },
  { key: 'legacy-search', name: 'New search (before Liftoff)', gaDaysAgo: 300, after: 17 },
  { key: 'legacy-sharing', name: 'Link sharing (before Liftoff)', gaDaysAgo: 250, after: 22 },
] as const;

/**
 * Outcomes demo data: launches that went through every gate and reached GA weeks ago (made
 * through the real commands, dated in the past), launches from before the gates, and
 * support tickets for both and for the rest of the organization, so the Outcomes page and
 * the GA cards show figures on the first start.
 */
@Injectable()
export class DemoOutcomesSeeder {
  constructor(
    private readonly commands: LaunchCommandService,
    private readonly queries: LaunchQueryService,
    private readonly outcomes: OutcomesService,
    private readonly clock: Clock,
  ) {}

  async seed(users: readonly DemoUser[]): Promise<void> {
    const as = (role: Role, team?: Team): Viewer => demoViewer(users, role, team);
    const coordinator = as('COORDINATOR');
    const member = (team: Team) => as('MEMBER', team);
    const now = this.clock.now().getTime();
    const iso = (ms: number) => new Date(ms).toISOString();

    for (const launch of SHIPPED) {
      const gaAt = now - launch.gaDaysAgo * DAY_MS;
      // Created 40 days before GA; each of the five gates passed a week apart, early access
      // granted 10 days before GA (above the 5 lead days).
      let moment = gaAt - 40 * DAY_MS;
      const tick = () => iso((moment += 60_000));
      const created = await this.commands.create(
        coordinator,
        {
          key: launch.key,
          name: launch.name,
          description: `Shipped ${launch.gaDaysAgo} days ago through every gate (demo).`,
          targetGaDate: iso(gaAt),
          template: launch.template,
        },
        { at: tick() },
      );
      const id = created.state.id;
      for (let gate = 0; gate < 5; gate += 1) {
        moment = gate === 4 ? gaAt - 10 * DAY_MS : gaAt - (40 - 7 * (gate + 1)) * DAY_MS;
        if (gate === 4) {
          await this.commands.run(
            coordinator,
            id,
            { type: 'GRANT_EARLY_ACCESS', url: null, notes: 'Demo early access.' },
            { at: tick() },
          );
        }
        const state = (await this.queries.findOne({ id })).state;
        for (const item of state.items.filter(
          (i) => i.stage === state.stage && i.required && i.status === 'OPEN',
        )) {
          await this.commands.runOnItem(
            member(item.team),
            { type: 'COMPLETE_ITEM', itemId: item.id, evidenceUrl: null, note: null },
            { at: tick() },
          );
        }
        for (const team of TEAMS) {
          await this.commands.run(
            member(team),
            id,
            { type: 'SIGN_OFF', team, decision: 'GO', comment: null },
            { at: tick() },
          );
        }
        if (gate === 4) moment = gaAt - 60_000;
        await this.commands.run(coordinator, id, { type: 'ADVANCE' }, { at: tick() });
      }
    }

    const baseline = BASELINE.map((b) => ({
      key: b.key,
      name: b.name,
      gaAt: iso(now - b.gaDaysAgo * DAY_MS),
    }));
    await this.outcomes.recordBaselines(coordinator, baseline);

    const tickets: TicketInput[] = [];
    let serial = 1000;
    // Spread evenly over a window, starting an hour in, never in the future.
    const spread = (key: string | null, from: number, days: number, count: number) => {
      for (let i = 0; i < count; i += 1) {
        const at = Math.min(from + HOUR_MS + ((i + 0.5) * days * DAY_MS) / count, now - HOUR_MS);
        serial += 1;
        tickets.push({
          source: 'zendesk',
          externalId: String(serial),
          openedAt: iso(at),
          launchKey: key,
          priority: i % 4 === 0 ? 'high' : 'normal',
          url: `https://acme.zendesk.com/agent/tickets/${serial}`,
        });
      }
    };
    for (const l of SHIPPED) {
      const gaAt = now - l.gaDaysAgo * DAY_MS;
      spread(l.key, gaAt - 14 * DAY_MS, 14, l.before);
      spread(l.key, gaAt, Math.min(14, l.gaDaysAgo), l.after);
    }
    for (const b of BASELINE) spread(b.key, now - b.gaDaysAgo * DAY_MS, 14, b.after);
    // The organization's other tickets: about three a day for the last 120 days.
    spread(null, now - 120 * DAY_MS, 120, 360);
    await this.outcomes.store(normalizeTicketBatch(tickets.slice(0, 1000), iso(now)));
    if (tickets.length > 1000) {
      await this.outcomes.store(normalizeTicketBatch(tickets.slice(1000), iso(now)));
    }
  }
}
