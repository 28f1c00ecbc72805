import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  CreateWebhookMutation,
  EnableWebhookMutation,
  RotateWebhookSecretMutation,
  WebhookDeliveriesQuery,
  WebhooksQuery,
} from '../api/webhook.operations';
import { useMutation, useQuery } from '../api/use-api';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import type { WebhookFormat, WebhooksQuery as WebhooksResult } from '../gql/graphql';

type Webhook = WebhooksResult['webhooks'][number];

/** Webhook endpoints: create (secret shown once), rotate the secret, enable, deliveries. */
export function WebhooksPage() {
  const webhooks = useQuery(WebhooksQuery, {});
  const create = useMutation(CreateWebhookMutation);
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('JSON');
  const [secret, setSecret] = useState<string | null>(null);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run({ input: { url, format } });
    if (created) {
      setSecret(created.createWebhook.secret);
      setUrl('');
      await webhooks.refetch();
    }
  };

  return (
    <main className="page">
      <PageTitle>Webhooks</PageTitle>
      {secret && <Secret secret={secret} />}
      <form className="stack card" onSubmit={(e) => void onCreate(e)}>
        <h2>New endpoint</h2>
        <ErrorMessage error={create.error} title="The endpoint was not created" />
        <div className="field">
          <label htmlFor="webhook-url">URL</label>
          <input
            id="webhook-url"
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="webhook-format">Format</label>
          <select
            id="webhook-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as WebhookFormat)}
          >
            <option value="JSON">JSON (Standard Webhooks)</option>
            <option value="SLACK">Slack</option>
          </select>
        </div>
        <button type="submit" className="button primary" disabled={create.busy}>
          Create endpoint
        </button>
      </form>
      <ErrorMessage error={webhooks.error} />
      {webhooks.loading && !webhooks.data ? (
        <Loading label="Loading webhooks…" />
      ) : (
        webhooks.data?.webhooks.map((webhook) => (
          <WebhookCard
            key={webhook.id}
            webhook={webhook}
            onChange={() => void webhooks.refetch()}
          />
        ))
      )}
    </main>
  );
}

function Secret({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="card" aria-label="Signing secret">
      <p className="help">The signing secret, shown only once:</p>
      <code className="secret">{secret}</code>{' '}
      <button
        type="button"
        className="button"
        onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </section>
  );
}

function WebhookCard({ webhook, onChange }: { webhook: Webhook; onChange: () => void }) {
  const deliveries = useQuery(WebhookDeliveriesQuery, { webhookId: webhook.id });
  const rotate = useMutation(RotateWebhookSecretMutation);
  const enable = useMutation(EnableWebhookMutation);
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <section className="card" aria-label={webhook.url}>
      <h2>{webhook.url}</h2>
      <p className="muted">
        {webhook.format} ·{' '}
        {webhook.enabled ? 'enabled' : `disabled: ${webhook.disabledReason ?? ''}`} ·{' '}
        {webhook.eventTypes.length} event types
      </p>
      <ErrorMessage error={rotate.error ?? enable.error ?? deliveries.error} />
      {secret && <Secret secret={secret} />}
      <button
        type="button"
        className="button"
        disabled={rotate.busy}
        onClick={() =>
          void rotate
            .run({ id: webhook.id })
            .then((r) => r && setSecret(r.rotateWebhookSecret.secret))
        }
      >
        Rotate secret
      </button>{' '}
      {!webhook.enabled && (
        <button
          type="button"
          className="button"
          disabled={enable.busy}
          onClick={() => void enable.run({ id: webhook.id }).then(onChange)}
        >
          Enable
        </button>
      )}
      <table className="table">
        <caption>Latest deliveries</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Attempt</th>
            <th scope="col">Status</th>
            <th scope="col">Response</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data?.webhookDeliveries.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>{new Date(node.at).toLocaleString()}</td>
              <td>{node.attempt}</td>
              <td>{node.status}</td>
              <td>{node.responseCode ?? node.error ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
