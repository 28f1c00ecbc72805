import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { AddCommentMutation } from '../api/operations';
import { useMutation } from '../api/use-api';
import { formatDateTime, formatRelative, teamLabel } from '../format';
import { commentData, signOffIdOf, type HistoryEvent } from './launch-history';
import { ErrorMessage, TeamChip } from './ui';

/**
 * The launch's discussion: comments with their replies, and each NO_GO as a post that can be
 * answered. A comment that answers a standing block (the server records that in respondsTo,
 * and it stops the block's escalation) is marked as such.
 */
export function Discussion(props: {
  launchId: string;
  events: HistoryEvent[] | undefined;
  canComment: boolean;
  /** The NO_GO sign-off whose "Respond" was pressed: its reply form opens and takes focus. */
  respondTo: string | null;
  onPosted(): Promise<void>;
}) {
  const events = props.events ?? [];
  const posts = events.filter(
    (e) => e.type === 'SIGNED_NO_GO' || (e.type === 'COMMENTED' && !commentData(e).replyToEventId),
  );
  const replies = (id: string) =>
    events.filter((e) => e.type === 'COMMENTED' && commentData(e).replyToEventId === id);
  const blockTeam = new Map(
    events.filter((e) => e.type === 'SIGNED_NO_GO').map((e) => [signOffIdOf(e), e.team]),
  );
  const respondEvent = props.respondTo
    ? events.find((e) => e.type === 'SIGNED_NO_GO' && signOffIdOf(e) === props.respondTo)
    : undefined;

  return (
    <section className="panel discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">Discussion</h2>
      {posts.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="thread">
        {posts.map((post) => (
          <li key={post.id} className={`post ${post.type === 'SIGNED_NO_GO' ? 'post-block' : ''}`}>
            <Post event={post} blockTeam={blockTeam} />
            {replies(post.id).length > 0 && (
              <ol className="replies" aria-label={`Replies to ${post.actor?.name ?? 'this post'}`}>
                {replies(post.id).map((reply) => (
                  <li key={reply.id} className="post">
                    <Post event={reply} blockTeam={blockTeam} />
                  </li>
                ))}
              </ol>
            )}
            {props.canComment && (
              <CommentForm
                launchId={props.launchId}
                replyTo={post}
                open={respondEvent?.id === post.id}
                onPosted={props.onPosted}
              />
            )}
          </li>
        ))}
      </ol>
      {props.canComment && (
        <CommentForm launchId={props.launchId} replyTo={null} open onPosted={props.onPosted} />
      )}
    </section>
  );
}

function Post(props: { event: HistoryEvent; blockTeam: Map<string | null, unknown> }) {
  const { event } = props;
  const who = event.actor?.name ?? 'Liftoff';
  const answers =
    event.type === 'COMMENTED'
      ? commentData(event)
          .respondsTo.map((id) => props.blockTeam.get(id))
          .filter((team): team is 'PRODUCT' | 'ENGINEERING' | 'SUPPORT' => typeof team === 'string')
      : [];
  return (
    <article className="post-body" aria-label={`${who}, ${formatRelative(event.at)}`}>
      <p className="post-meta">
        <strong>{who}</strong>{' '}
        <time dateTime={event.at} title={formatDateTime(event.at)} className="muted">
          {formatRelative(event.at)}
        </time>
        {event.type === 'SIGNED_NO_GO' && event.team && (
          <>
            {' '}
            <span className="chip chip-nogo">NO-GO</span> <TeamChip team={event.team} />
          </>
        )}
        {answers.map((team) => (
          <span key={team} className="chip chip-answer">
            Answers {teamLabel(team)}’s block
          </span>
        ))}
      </p>
      <p className="post-text pre-line">
        {event.type === 'COMMENTED' ? commentData(event).body : event.summary}
      </p>
    </article>
  );
}

function CommentForm(props: {
  launchId: string;
  replyTo: HistoryEvent | null;
  open: boolean;
  onPosted(): Promise<void>;
}) {
  const [open, setOpen] = useState(props.open);
  const [body, setBody] = useState('');
  const add = useMutation(AddCommentMutation);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = `comment-${props.replyTo?.id ?? 'new'}`;

  // "Respond" on a NO_GO card opens this form from outside and puts the cursor in it.
  const replyToId = props.replyTo?.id;
  useEffect(() => {
    if (props.open && replyToId) {
      setOpen(true);
      window.setTimeout(() => field.current?.focus(), 0);
    }
  }, [props.open, replyToId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const posted = await add.run({
      input: { launchId: props.launchId, body, replyToEventId: props.replyTo?.id ?? null },
    });
    if (posted) {
      setBody('');
      if (props.replyTo) setOpen(false);
      await props.onPosted();
    }
  };

  if (!open) {
    return (
      <button type="button" className="button small reply-button" onClick={() => setOpen(true)}>
        Reply
        <span className="visually-hidden"> to {props.replyTo?.actor?.name ?? 'this post'}</span>
      </button>
    );
  }
  const label = props.replyTo
    ? `Reply to ${props.replyTo.actor?.name ?? 'this post'}`
    : 'New comment';
  return (
    <form className="comment-form stack" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          ref={field}
          rows={2}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={add.error ? true : undefined}
          aria-describedby={add.error ? `${id}-error` : undefined}
        />
        <ErrorMessage error={add.error} id={`${id}-error`} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary small" disabled={add.busy || !body.trim()}>
          {props.replyTo ? 'Post reply' : 'Post comment'}
        </button>
        {props.replyTo && (
          <button type="button" className="button small" onClick={() => setOpen(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
