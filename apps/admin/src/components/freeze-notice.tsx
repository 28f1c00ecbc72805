import { href } from '../router';

interface Requirement {
  kind: string;
  message: string;
}

/** The FREEZE_WINDOW requirements of a readiness: each names its window and when it ends. */
export function freezesOf<T extends Requirement>(missing: readonly T[]): T[] {
  return missing.filter((m) => m.kind === 'FREEZE_WINDOW');
}

/** A board badge for a launch whose next stage is frozen now. */
export function FreezeBadge(props: { missing: readonly Requirement[] }) {
  const freezes = freezesOf(props.missing);
  if (freezes.length === 0) return null;
  return (
    <span className="badge-freeze" title={freezes.map((f) => f.message).join('\n')}>
      Frozen
    </span>
  );
}

/** The launch page's and the go/no-go's notice: which windows freeze the next stage. */
export function FreezeNotice(props: { missing: readonly Requirement[] }) {
  const freezes = freezesOf(props.missing);
  if (freezes.length === 0) return null;
  return (
    <section className="notice notice-freeze" aria-label="Freeze">
      <strong>Frozen.</strong>
      <ul>
        {freezes.map((freeze, index) => (
          <li key={index}>{freeze.message}</li>
        ))}
      </ul>
      <a href={href({ name: 'freezes' })}>See the freeze calendar</a>
    </section>
  );
}
