import { TemplatesQuery } from '../api/template.operations';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from './ui';
import { approvalsSummary } from './template-view';

/**
 * The templates a new launch may come from, as the API lists them (archived ones left out):
 * each with its latest version, which the launch will copy, and its gate policy in brief.
 */
export function TemplateChoice(props: {
  value: string;
  error: string | undefined;
  onChange(name: string): void;
}) {
  const templates = useQuery(TemplatesQuery, {});
  const open = templates.data?.templates.filter((t) => !t.archived) ?? [];
  return (
    <fieldset
      className="templates"
      aria-invalid={props.error ? true : undefined}
      aria-describedby={props.error ? 'template-error' : undefined}
    >
      <legend className="label">Checklist template</legend>
      <ErrorMessage error={templates.error} title="Could not load the templates" />
      {open.map((template) => (
        <label key={template.name} className="template-option">
          <input
            type="radio"
            name="template"
            value={template.name}
            checked={props.value === template.name}
            onChange={() => props.onChange(template.name)}
          />
          <span>
            <strong>
              {template.name} <span className="muted">v{template.version}</span>
            </strong>
            <span className="help">
              {template.description ? `${template.description} ` : ''}
              {template.items.length} items; approvals:{' '}
              {approvalsSummary(template.policy.approvals)}
              {template.policy.goValidDays !== null &&
                `; a GO is valid for ${template.policy.goValidDays} days`}
              .
            </span>
          </span>
        </label>
      ))}
      {props.error && (
        <p id="template-error" className="field-error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
