import { TemplatesQuery } from '../api/template.operations';
import { useQuery } from '../api/use-api';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import { approvalsSummary } from '../components/template-view';
import { formatDateTime } from '../format';
import { href } from '../router';

/** Every template by name, its latest version; archived ones marked. */
export function TemplatesPage() {
  const templates = useQuery(TemplatesQuery, {});
  return (
    <main className="page">
      <PageTitle>Checklist templates</PageTitle>
      <p className="help">
        A launch copies its template’s items and gate policy when it is created; later versions
        change no launch.
      </p>
      <ErrorMessage error={templates.error} title="Could not load the templates" />
      {templates.loading && !templates.data && <Loading label="Loading templates…" />}
      {templates.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Latest version</th>
              <th scope="col">Items</th>
              <th scope="col">Approvals</th>
              <th scope="col">GO valid for</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {templates.data.templates.map((t) => (
              <tr key={t.name}>
                <td>
                  <a href={href({ name: 'template', templateName: t.name, version: t.version })}>
                    {t.name}
                  </a>{' '}
                  {t.archived && <span className="chip chip-none">Archived</span>}
                </td>
                <td>{t.version}</td>
                <td>{t.items.length}</td>
                <td>{approvalsSummary(t.policy.approvals)}</td>
                <td>
                  {t.policy.goValidDays === null ? 'Never expires' : `${t.policy.goValidDays} days`}
                </td>
                <td>{formatDateTime(t.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
