import { useState } from 'react';
import type { FormEvent } from 'react';
import { AdvanceMutation, CancelMutation } from '../api/operations';
import { useMutation } from '../api/use-api';
import { stageLabel } from '../format';
import type { Stage } from '../gql/graphql';
import { freezesOf } from './freeze-notice';
import { ErrorMessage } from './ui';

/**
 * The coordinator's Advance button: rendered only when viewerCan.advance, enabled only
 * when readiness.canAdvance. A refusal shows the server's own list of what is missing.
 * When a freeze window stops the launch and viewerCan.overrideFreeze, it also offers to
 * advance through the freeze with a reason (break-glass).
 */
export function AdvanceButton(props: {
  launchId: string;
  launchVersion: number;
  nextStage: Stage | null | undefined;
  canAdvance: boolean;
  /** readiness.missing: its FREEZE_WINDOW requirements say why the launch is frozen. */
  missing: ReadonlyArray<{ kind: string; message: string }>;
  overrideFreeze: boolean;
  onChanged(): Promise<void>;
  large?: boolean;
}) {
  const advance = useMutation(AdvanceMutation);
  const [advancedTo, setAdvancedTo] = useState<Stage | null>(null);
  const [breakingGlass, setBreakingGlass] = useState(false);
  const [reason, setReason] = useState('');
  if (!props.nextStage) return null;
  const nextStage = props.nextStage;
  const frozen = freezesOf(props.missing).length > 0;

  const run = async (freezeOverrideReason?: string) => {
    setAdvancedTo(null);
    const result = await advance.run({
      input: {
        launchId: props.launchId,
        expectedVersion: props.launchVersion,
        ...(freezeOverrideReason === undefined ? {} : { freezeOverrideReason }),
      },
    });
    await props.onChanged();
    if (result) {
      setAdvancedTo(result.advanceLaunch.stage);
      setBreakingGlass(false);
      setReason('');
    }
  };

  const onBreakGlass = (event: FormEvent) => {
    event.preventDefault();
    void run(reason);
  };

  return (
    <div className="advance">
      <button
        type="button"
        className={`button primary${props.large ? ' large' : ''}`}
        disabled={!props.canAdvance || advance.busy}
        aria-describedby={props.canAdvance ? undefined : 'advance-help'}
        onClick={() => void run()}
      >
        {advance.busy ? 'Advancing…' : `Advance to ${stageLabel(nextStage)}`}
      </button>
      {!props.canAdvance && (
        <p id="advance-help" className="help">
          {frozen
            ? `A freeze window stops the launch from entering ${stageLabel(nextStage)} now: see what is missing.`
            : 'The gate is not met yet: see what is missing.'}
        </p>
      )}
      {frozen && props.overrideFreeze && !breakingGlass && (
        <button type="button" className="button danger" onClick={() => setBreakingGlass(true)}>
          Advance through the freeze…
        </button>
      )}
      {frozen && props.overrideFreeze && breakingGlass && (
        <form
          className="break-glass"
          onSubmit={onBreakGlass}
          aria-label="Advance through the freeze"
        >
          <div className="field">
            <label htmlFor="freeze-override-reason">Why advance through the freeze? *</label>
            <textarea
              id="freeze-override-reason"
              rows={2}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby="freeze-override-help"
              autoFocus
            />
            <p id="freeze-override-help" className="help">
              Recorded in the audit trail. Every other requirement of the gate still applies.
            </p>
          </div>
          <div className="item-actions">
            <button type="submit" className="button danger" disabled={advance.busy}>
              Advance through the freeze
            </button>
            <button type="button" className="button" onClick={() => setBreakingGlass(false)}>
              Keep the freeze
            </button>
          </div>
        </form>
      )}
      {advancedTo && (
        <p className="notice" role="status">
          Advanced to {stageLabel(advancedTo)}.
        </p>
      )}
      <ErrorMessage error={advance.error} title="Advance refused" />
    </div>
  );
}

export function CancelLaunch(props: {
  launchId: string;
  launchVersion: number;
  onChanged(): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation(CancelMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await cancel.run({
      input: { launchId: props.launchId, reason, expectedVersion: props.launchVersion },
    });
    await props.onChanged();
    if (result) setOpen(false);
  };

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Cancel launch…
      </button>
    );
  }
  return (
    <form className="cancel-form" onSubmit={(e) => void onSubmit(e)} aria-label="Cancel launch">
      <div className="field">
        <label htmlFor="cancel-reason">Why cancel this launch?</label>
        <textarea
          id="cancel-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
        />
      </div>
      <div className="item-actions">
        <button type="submit" className="button danger" disabled={cancel.busy}>
          Cancel launch
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
      <ErrorMessage error={cancel.error} />
    </form>
  );
}
