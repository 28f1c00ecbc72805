import { useState } from 'react';
import { useLiveEvents, type LiveEvent } from '../api/live';
import { formatRelative } from '../format';
import { useSession } from '../session';

/**
 * Says what someone else just changed on this launch ("Sam Support blocked Planning for
 * Support: … a moment ago"): the page has already updated, so an open form is not refused
 * as stale; the person sees why what they look at moved.
 */
export function OthersChangesNotice(props: { launchId: string }) {
  const { me } = useSession();
  const [latest, setLatest] = useState<LiveEvent | null>(null);
  useLiveEvents((event) => {
    if (event && event.launchId === props.launchId && event.actor?.id !== me.id) setLatest(event);
  });
  return (
    <div className="live-notice-slot" role="status" aria-live="polite">
      {latest && (
        <p className="live-notice">
          <span>
            {latest.summary} <span className="muted">{formatRelative(latest.at)}</span>
          </span>
          <button type="button" className="button small" onClick={() => setLatest(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
