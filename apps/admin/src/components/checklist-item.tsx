import { useState } from 'react';
import type { FormEvent } from 'react';
import { CompleteItemMutation, ReopenItemMutation, WaiveItemMutation } from '../api/operations';
import { useMutation } from '../api/use-api';
import { formatDateTime, itemStatusLabel } from '../format';
import type { LaunchPageQuery } from '../gql/graphql';
import { ErrorMessage, TeamChip } from './ui';
import { WithdrawalWarning } from './withdrawal-warning';

type Launch = NonNullable<LaunchPageQuery['launch']>;
export type Item = Launch['checklist'][number];
type ItemPermissions = Pick<Launch['viewerCan']['items'][number], 'complete' | 'waive' | 'reopen'>;

type Mode = 'complete' | 'reopen' | 'waive' | null;

const NOTHING: ItemPermissions = { complete: false, waive: false, reopen: false };

/** What the viewer may do with one item, as viewerCan.items says (nothing if not listed). */
export function itemPermissions(launch: Launch, itemId: string): ItemPermissions {
  return launch.viewerCan.items.find((p) => p.itemId === itemId) ?? NOTHING;
}

/** One checklist item. Its buttons are exactly the API's viewerCan.items for it (`can`). */
export function ChecklistItemRow(props: {
  item: Item;
  launchVersion: number;
  can: ItemPermissions;
  showTeam?: boolean;
  onChanged(): Promise<void>;
}) {
  const { item } = props;
  const [mode, setMode] = useState<Mode>(null);
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const complete = useMutation(CompleteItemMutation);
  const reopen = useMutation(ReopenItemMutation);
  const waive = useMutation(WaiveItemMutation);
  // Covers the mutation and the refresh after it, so a second click cannot slip in.
  const [busy, setBusy] = useState(false);
  const error = complete.error ?? reopen.error ?? waive.error;

  const { complete: showComplete, waive: showWaive, reopen: showReopen } = props.can;
  const formId = `item-${item.id}-form`;
  // Before a reopen: whose GOs it withdraws, as the API says (none for most items).
  const withdraws = mode === 'reopen' ? item.reopenWithdraws : [];

  const start = (next: Mode) => {
    complete.reset();
    reopen.reset();
    waive.reset();
    setReason('');
    setMode(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const expectedVersion = props.launchVersion;
    let ok: unknown;
    if (mode === 'complete') {
      ok = await complete.run({
        input: {
          itemId: item.id,
          evidenceUrl: evidenceUrl.trim() || null,
          note: note.trim() || null,
          expectedVersion,
        },
      });
    } else if (mode === 'reopen') {
      ok = await reopen.run({ input: { itemId: item.id, reason, expectedVersion } });
    } else if (mode === 'waive') {
      ok = await waive.run({ input: { itemId: item.id, reason, expectedVersion } });
    }
    // Success or not (a stale view gets CONFLICT), show the launch as it is now.
    await props.onChanged();
    setBusy(false);
    if (ok) {
      setMode(null);
      setEvidenceUrl('');
      setNote('');
      setReason('');
    }
  };

  return (
    <li className={`item item-${item.status.toLowerCase()}`} data-item-id={item.id}>
      <div className="item-head">
        <span className={`chip chip-status-${item.status.toLowerCase()}`}>
          {itemStatusLabel(item.status)}
        </span>
        <span className="item-title">{item.title}</span>
        {props.showTeam && <TeamChip team={item.team} />}
        {!item.required && <span className="chip chip-none">optional</span>}
      </div>
      {item.description && <p className="item-description">{item.description}</p>}
      {item.completedAt && (
        <p className="item-meta">
          {itemStatusLabel(item.status)}
          {item.completedBy && ` by ${item.completedBy.name}`}
          {item.completedAt && `, ${formatDateTime(item.completedAt)}`}
          {item.evidenceUrl && (
            <>
              {' · '}
              <a href={item.evidenceUrl} target="_blank" rel="noreferrer noopener">
                evidence
              </a>
            </>
          )}
          {item.note && <> · {item.note}</>}
        </p>
      )}

      {(showComplete || showReopen || showWaive) && mode === null && (
        <div className="item-actions">
          {showComplete && (
            <button
              type="button"
              className="button small"
              aria-label={`Complete: ${item.title}`}
              onClick={() => start('complete')}
            >
              Complete
            </button>
          )}
          {showWaive && (
            <button
              type="button"
              className="button small"
              aria-label={`Waive: ${item.title}`}
              onClick={() => start('waive')}
            >
              Waive
            </button>
          )}
          {showReopen && (
            <button
              type="button"
              className="button small"
              aria-label={`Reopen: ${item.title}`}
              onClick={() => start('reopen')}
            >
              Reopen
            </button>
          )}
        </div>
      )}

      {mode !== null && (
        <form
          id={formId}
          className="item-form"
          onSubmit={(e) => void submit(e)}
          aria-label={`${mode === 'complete' ? 'Complete' : mode === 'reopen' ? 'Reopen' : 'Waive'}: ${item.title}`}
        >
          {mode === 'complete' ? (
            <>
              <div className="field">
                <label htmlFor={`${formId}-evidence`}>Evidence URL (optional)</label>
                <input
                  id={`${formId}-evidence`}
                  type="url"
                  placeholder="https://…"
                  value={evidenceUrl}
                  onChange={(e) => setEvidenceUrl(e.target.value)}
                  autoFocus
                />
              </div>
              <div className="field">
                <label htmlFor={`${formId}-note`}>Note (optional)</label>
                <textarea
                  id={`${formId}-note`}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  rows={2}
                />
              </div>
            </>
          ) : (
            <div className="field">
              <label htmlFor={`${formId}-reason`}>
                Reason for {mode === 'reopen' ? 'reopening' : 'waiving'}
              </label>
              <textarea
                id={`${formId}-reason`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                autoFocus
              />
            </div>
          )}
          <WithdrawalWarning id={`${formId}-withdraws`} goes={withdraws} />
          <div className="item-actions">
            <button
              type="submit"
              className="button small primary"
              disabled={busy}
              aria-describedby={withdraws.length > 0 ? `${formId}-withdraws` : undefined}
            >
              {mode === 'complete' ? 'Mark done' : mode === 'reopen' ? 'Reopen item' : 'Waive item'}
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => setMode(null)}
              disabled={busy}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}
