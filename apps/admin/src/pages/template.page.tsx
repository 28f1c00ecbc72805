import { useState } from 'react';
import { TemplateQuery } from '../api/template.operations';
import { ViewerCanQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { TemplateEditor } from '../components/template-editor';
import { TemplateView } from '../components/template-view';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import { formatDateTime } from '../format';
import { href, navigate } from '../router';

/** One version of a template, read-only; admins start a new version (or template) from a copy. */
export function TemplatePage(props: { templateName: string; version: number | null }) {
  const query = useQuery(TemplateQuery, { name: props.templateName, version: props.version });
  const latest = useQuery(TemplateQuery, { name: props.templateName, version: null });
  const [editing, setEditing] = useState<'publish' | 'create' | null>(null);
  const template = query.data?.template;
  const latestVersion = latest.data?.template?.version ?? template?.version ?? 1;
  // Offered to whoever the rules let write templates (an admin, or its MANAGE token).
  const mayWrite = useQuery(ViewerCanQuery, {}).data?.viewerCan.manageTemplates ?? false;
  return (
    <main className="page">
      <p className="breadcrumb">
        <a href={href({ name: 'templates' })}>← Templates</a>
      </p>
      <PageTitle>
        {props.templateName}
        {template && ` · version ${template.version}`}
      </PageTitle>
      <ErrorMessage error={query.error} title="Could not load the template" />
      {query.loading && !template && <Loading label="Loading the template…" />}
      {template && (
        <>
          <nav aria-label="Versions" className="versions">
            {Array.from({ length: latestVersion }, (_, n) => n + 1).map((v) => (
              <a
                key={v}
                className="button small"
                aria-current={v === template.version ? 'page' : undefined}
                href={href({ name: 'template', templateName: template.name, version: v })}
              >
                v{v}
              </a>
            ))}
          </nav>
          <p className="muted">
            Published {formatDateTime(template.createdAt)}
            {template.createdBy ? ` by ${template.createdBy.name}` : ' (built in)'}
            {template.archived && ' · archived'}
          </p>
          {editing ? (
            <TemplateEditor
              from={template}
              mode={editing}
              onCancel={() => setEditing(null)}
              onDone={(name, version) =>
                navigate({ name: 'template', templateName: name, version })
              }
            />
          ) : (
            <>
              {mayWrite && (
                <div className="form-actions">
                  {!template.archived && template.version === latestVersion && (
                    <button
                      type="button"
                      className="button primary"
                      onClick={() => setEditing('publish')}
                    >
                      New version
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => setEditing('create')}>
                    New template from this copy
                  </button>
                </div>
              )}
              <TemplateView template={template} />
            </>
          )}
        </>
      )}
    </main>
  );
}
