import type { ReactNode } from 'react';
import { GATED_STAGES } from '../../../../libs/checklists/src/index.js';
import { TEAMS, stageLabel, teamLabel } from '../format';
import type { Stage, Team, TemplatePartsFragment } from '../gql/graphql';

export type TemplateVersion = TemplatePartsFragment;
type Approvals = TemplateVersion['policy']['approvals'];

/** "Engineering: 2 (Beta: 3)", or one approval each when the list is empty. */
export function approvalsSummary(approvals: Approvals): string {
  if (approvals.length === 0) return 'One per team';
  return approvals
    .map(
      (a) => `${teamLabel(a.team)}${a.stage ? ` on ${stageLabel(a.stage)}` : ''}: ${a.approvals}`,
    )
    .join('; ');
}

/** One version, read-only: its policy, then its items as a stage × team table. */
export function TemplateView({ template }: { template: TemplateVersion }) {
  const { policy } = template;
  return (
    <>
      {template.description && <p>{template.description}</p>}
      <h2>Gate policy</h2>
      <dl className="facts facts-row">
        <div>
          <dt>Approvals</dt>
          <dd>{approvalsSummary(policy.approvals)}</dd>
        </div>
        <div>
          <dt>A GO is valid for</dt>
          <dd>{policy.goValidDays === null ? 'ever' : `${policy.goValidDays} days`}</dd>
        </div>
        <div>
          <dt>One person, one team</dt>
          <dd>{policy.distinctApprovers ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Coordinator may approve</dt>
          <dd>{policy.coordinatorMayApprove ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Support lead days</dt>
          <dd>
            {policy.supportLeadDays} (at least {policy.minSupportLeadDays})
          </dd>
        </div>
        <div>
          <dt>Block response hours</dt>
          <dd>{policy.blockResponseHours}</dd>
        </div>
      </dl>
      <h2>Items</h2>
      <StageTeamGrid
        cell={(stage, team) => (
          <ul className="plain">
            {template.items
              .filter((i) => i.stage === stage && i.team === team)
              .map((i) => (
                <li key={i.title}>
                  {i.title} {!i.required && <span className="muted">(optional)</span>}
                </li>
              ))}
          </ul>
        )}
      />
    </>
  );
}

/** A template's items laid out as stages (rows) by teams (columns); `cell` fills each. */
export function StageTeamGrid(props: { cell: (stage: Stage, team: Team) => ReactNode }) {
  return (
    <table className="table template-items">
      <thead>
        <tr>
          <th scope="col">Stage</th>
          {TEAMS.map((team) => (
            <th key={team} scope="col">
              {teamLabel(team)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {/* A template holds items for the stages that have a gate. */}
        {GATED_STAGES.map((stage) => (
          <tr key={stage}>
            <th scope="row">{stageLabel(stage)}</th>
            {TEAMS.map((team) => (
              <td key={team}>{props.cell(stage, team)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
