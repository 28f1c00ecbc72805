import { Injectable } from '@nestjs/common';
import { TEAMS, type Role, type Team } from '#workflow';
import { Clock } from '../common/clock.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchCommandService } from '../launches/launch-command.service.js';
import { LaunchQueryService } from '../launches/launch-query.service.js';
import { demoViewer, type DemoUser } from './demo-user.js';

const DAY_MS = 86_400_000;

/** A handful of launches at different stages, made through the real commands, so the board is alive. */
@Injectable()
export class DemoLaunchesSeeder {
  constructor(
    private readonly commands: LaunchCommandService,
    private readonly queries: LaunchQueryService,
    private readonly clock: Clock,
  ) {}

  async seed(users: readonly DemoUser[]): Promise<void> {
    const as = (role: Role, team?: Team): Viewer => demoViewer(users, role, team);
    const coordinator = as('COORDINATOR');
    const member = (team: Team) => as('MEMBER', team);
    const inDays = (days: number) =>
      new Date(this.clock.now().getTime() + days * DAY_MS).toISOString();

    const create = (
      key: string,
      name: string,
      description: string,
      targetDays: number,
      template = 'standard',
    ) =>
      this.commands.create(coordinator, {
        key,
        name,
        description,
        targetGaDate: inDays(targetDays),
        template,
      });

    /** Completes each gate the way the teams would (items, three GOs), then advances. */
    const advanceThrough = async (launchId: string, gates: number) => {
      for (let gate = 0; gate < gates; gate += 1) {
        const launch = (await this.queries.findOne({ id: launchId })).state;
        for (const item of launch.items.filter(
          (i) => i.stage === launch.stage && i.required && i.status === 'OPEN',
        )) {
          await this.commands.runOnItem(member(item.team), {
            type: 'COMPLETE_ITEM',
            itemId: item.id,
            evidenceUrl: `https://wiki.example.com/launches/${launch.key}`,
            note: null,
          });
        }
        for (const team of TEAMS) {
          await this.commands.run(member(team), launchId, {
            type: 'SIGN_OFF',
            team,
            decision: 'GO',
            comment: null,
          });
        }
        await this.commands.run(coordinator, launchId, { type: 'ADVANCE' });
      }
    };

    await create(
      'dark-mode',
      'Dark mode',
      'A dark theme for the web app, following the OS setting.',
      60,
    );

    const exportLaunch = await create(
      'bulk-export',
      'Bulk CSV export',
      'Export any list view to CSV in the background.',
      40,
    );
    await advanceThrough(exportLaunch.state.id, 1);

    const sso = await create(
      'sso-okta',
      'Single sign-on with Okta',
      'SAML sign-in for enterprise workspaces.',
      21,
    );
    await advanceThrough(sso.state.id, 2);
    await this.commands.run(member('SUPPORT'), sso.state.id, {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment:
        'The known-issues list misses the SCIM de-provisioning bug customers already report.',
    });

    const dashboard = await create(
      'usage-dashboard',
      'Usage dashboard',
      'Per-seat usage charts for workspace admins.',
      12,
    );
    await advanceThrough(dashboard.state.id, 2);
    await this.commands.run(coordinator, dashboard.state.id, {
      type: 'GRANT_EARLY_ACCESS',
      url: 'https://staging.example.com/usage',
      notes: 'Seeded demo workspace "Acme" has six months of data.',
    });
    await advanceThrough(dashboard.state.id, 1);

    await create(
      'quick-reply',
      'Quick replies',
      'Saved replies in the inbox composer.',
      30,
      'lite',
    );
  }
}
