import { formatDateTime } from '../format';
import type { TeamGatePartsFragment } from '../gql/graphql';
import { href } from '../router';

/**
 * A team's approvals on a stage, as readiness counts them: "1 of 2 approvals", who gave each
 * standing GO and when it expires (or expired). Shown only when the policy asks for more than
 * one approval or GOs expire, so launches under the default policy look as before.
 */
export function Approvals({ gate }: { gate: TeamGatePartsFragment }) {
  const goes = gate.signOffs.filter((s) => s.decision === 'GO');
  const expires = goes.some((s) => s.expiresAt !== null);
  if (gate.approvalsNeeded === 1 && !expires) return null;
  return (
    <div className="approvals">
      <p>
        <strong>
          {gate.approvals} of {gate.approvalsNeeded} approval{gate.approvalsNeeded === 1 ? '' : 's'}
        </strong>
      </p>
      {goes.length > 0 && (
        <ul className="plain">
          {goes.map((s) => (
            <li key={s.id}>
              {s.signedBy.name}, {formatDateTime(s.signedAt)}
              {s.expiresAt &&
                (s.status === 'EXPIRED'
                  ? ` — expired ${formatDateTime(s.expiresAt)}`
                  : ` — valid until ${formatDateTime(s.expiresAt)}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The template and version a launch came from, linking to that version. */
export function TemplateLink(props: { template: { name: string; version: number } }) {
  const { name, version } = props.template;
  return (
    <a href={href({ name: 'template', templateName: name, version })}>
      {name} v{version}
    </a>
  );
}
