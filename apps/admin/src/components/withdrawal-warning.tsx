import { listInWords, teamLabel } from '../format';
import type { WithdrawnGoFragment } from '../gql/graphql';

/**
 * Says, before a reopen or an added required item is confirmed, whose GOs it withdraws
 * ("This withdraws the GOs of Product (Priya Product) and Support (Sam Support); they will
 * need to sign again."). The GOs are the API's answer, so the warning and the event that
 * follows name the same ones. Nothing when none would be withdrawn.
 */
export function WithdrawalWarning(props: { id: string; goes: readonly WithdrawnGoFragment[] }) {
  if (props.goes.length === 0) return null;
  const whose = props.goes.map((go) => `${teamLabel(go.team)} (${go.signedBy.name})`);
  return (
    <p id={props.id} className="withdrawal-warning">
      <strong>
        This withdraws the GO{props.goes.length > 1 ? 's' : ''} of {listInWords(whose)};
      </strong>{' '}
      they will need to sign again.
    </p>
  );
}
