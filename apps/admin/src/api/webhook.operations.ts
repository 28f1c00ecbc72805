import { graphql } from '../gql';

/** Webhook endpoints (COORDINATOR, ADMIN). */

export const WebhooksQuery = graphql(`
  query Webhooks {
    webhooks {
      id
      url
      format
      eventTypes
      enabled
      disabledReason
      consecutiveFailures
      createdAt
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($webhookId: ID!) {
    webhookDeliveries(webhookId: $webhookId, first: 20) {
      edges {
        node {
          id
          eventId
          at
          attempt
          status
          responseCode
          durationMs
          error
        }
      }
    }
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook {
        id
      }
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
    }
  }
`);

export const EnableWebhookMutation = graphql(`
  mutation EnableWebhook($id: ID!) {
    enableWebhook(id: $id) {
      id
      enabled
    }
  }
`);
