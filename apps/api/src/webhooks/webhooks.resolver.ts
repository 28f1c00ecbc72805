import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import type { Viewer } from '../identity/viewer.js';
import {
  CreateWebhookInput,
  CreatedWebhookModel,
  WebhookDeliveryConnectionModel,
  WebhookModel,
} from './webhook.models.js';
import { WebhooksService } from './webhooks.service.js';

/** Thin: parse, call the webhooks service. Who may is libs/workflow's mayManageWebhooks. */
@Resolver(() => WebhookModel)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Query(() => [WebhookModel], { description: 'Every webhook endpoint (COORDINATOR, ADMIN).' })
  webhooks(@CurrentViewer() viewer: Viewer): Promise<WebhookModel[]> {
    return this.service.list(viewer);
  }

  @Query(() => WebhookDeliveryConnectionModel, {
    description:
      'Delivery attempts of one endpoint, newest first, one row per attempt (COORDINATOR, ADMIN); first is 1..100.',
  })
  webhookDeliveries(
    @CurrentViewer() viewer: Viewer,
    @Args('webhookId', { type: () => ID }) webhookId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<WebhookDeliveryConnectionModel> {
    return this.service.deliveries(viewer, webhookId, first, after);
  }

  @Mutation(() => CreatedWebhookModel, {
    description:
      'Registers an endpoint (COORDINATOR, ADMIN); the signing secret is in the answer only. Invalid URL, refused address, unknown or empty event types: BAD_USER_INPUT.',
  })
  createWebhook(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateWebhookInput,
  ): Promise<CreatedWebhookModel> {
    return this.service.create(viewer, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Removes an endpoint with its pending messages and delivery log (COORDINATOR, ADMIN).',
  })
  deleteWebhook(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.service.delete(viewer, id);
  }

  @Mutation(() => WebhookModel, {
    description:
      'Enables an endpoint again (COORDINATOR, ADMIN); the events that waited go out in order at once.',
  })
  enableWebhook(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookModel> {
    return this.service.enable(viewer, id);
  }

  @Mutation(() => CreatedWebhookModel, {
    description:
      'Issues a new signing secret, shown once (COORDINATOR, ADMIN); the old one keeps signing beside it for 24 hours.',
  })
  rotateWebhookSecret(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CreatedWebhookModel> {
    return this.service.rotate(viewer, id);
  }
}
