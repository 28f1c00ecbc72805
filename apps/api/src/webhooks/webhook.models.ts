import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LAUNCH_EVENT_TYPES } from '#workflow';
import { PageInfoModel } from '../common/page-info.model.js';
import type { WebhookFormat } from './webhook-payload.js';

export const WebhookFormatEnum = { JSON: 'JSON', SLACK: 'SLACK' } as const;
registerEnumType(WebhookFormatEnum, {
  name: 'WebhookFormat',
  description:
    'JSON: Standard Webhooks body { type, timestamp, data } with data the event as the API shows it. SLACK: a Slack incoming-webhook body { text } with a one-line summary and a link to the launch page.',
});

@ObjectType('Webhook', {
  description:
    'An endpoint that receives launch events, signed per Standard Webhooks. Belongs to the installation: any coordinator or admin manages any.',
})
export class WebhookModel {
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field({ description: 'Where events are POSTed (http or https).' }) url!: string;
  @Field(() => [String], {
    description: `The event types sent, in audit order; every type when created without a list (${LAUNCH_EVENT_TYPES.length} types).`,
  })
  eventTypes!: string[];
  @Field(() => WebhookFormatEnum, { description: 'JSON or SLACK.' }) format!: WebhookFormat;
  @Field({
    description:
      'False after repeated failed attempts (or until enableWebhook); events wait meanwhile and go out in order once it is enabled.',
  })
  enabled!: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was disabled, if it is.' })
  disabledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was disabled, if it is.' })
  disabledReason!: string | null;
  @Field(() => Int, { description: 'Failed attempts since the last delivered one.' })
  consecutiveFailures!: number;
  @Field({ description: 'When it was registered.' }) createdAt!: Date;
}

@ObjectType('CreatedWebhook', { description: 'A webhook with its signing secret, shown once.' })
export class CreatedWebhookModel {
  @Field(() => WebhookModel, { description: 'The endpoint.' }) webhook!: WebhookModel;
  @Field({
    description:
      'The signing secret in Standard Webhooks form, whsec_<base64 key>; shown only here. After a rotation the previous one keeps signing for 24 hours.',
  })
  secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One delivery attempt of one event.' })
export class WebhookDeliveryModel {
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field(() => ID, { description: 'The launch event delivered.' }) eventId!: string;
  @Field(() => Int, { description: 'The attempt number for this event, from 1.' }) attempt!: number;
  @Field({
    description:
      'DELIVERED (2xx), FAILED (will be retried) or GAVE_UP (the last attempt failed; no more tries).',
  })
  status!: string;
  @Field(() => Int, { nullable: true, description: 'The HTTP status answered, if any.' })
  responseCode!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the attempt failed (timeout, refused address, status), if it did.',
  })
  error!: string | null;
  @Field(() => Int, { description: 'How long the attempt took, in milliseconds.' })
  durationMs!: number;
  @Field({ description: 'When the attempt was made.' }) at!: Date;
}

@ObjectType('WebhookDeliveryEdge', { description: 'A delivery attempt and its cursor.' })
export class WebhookDeliveryEdgeModel {
  @Field({ description: 'Opaque, signed position.' }) cursor!: string;
  @Field(() => WebhookDeliveryModel, { description: 'The attempt.' }) node!: WebhookDeliveryModel;
}

@ObjectType('WebhookDeliveryConnection', { description: 'Delivery attempts, newest first.' })
export class WebhookDeliveryConnectionModel {
  @Field(() => [WebhookDeliveryEdgeModel], { description: 'This page of attempts.' })
  edges!: WebhookDeliveryEdgeModel[];
  @Field(() => PageInfoModel, { description: 'Where the next page starts.' })
  pageInfo!: PageInfoModel;
}

@InputType('CreateWebhookInput', { description: 'A new webhook endpoint.' })
export class CreateWebhookInput {
  @Field({
    description:
      'http or https URL, up to 2,048 characters, without credentials (user:password@). Private, loopback and reserved addresses (IPv4-embedding IPv6 forms included) are refused unless WEBHOOK_ALLOWED_HOSTS names them.',
  })
  @IsString()
  @MaxLength(2_048)
  url!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Event types to send (see LaunchEvent.type); leave out for all. Empty: refused.',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  eventTypes?: string[] | null;

  @Field(() => WebhookFormatEnum, {
    nullable: true,
    defaultValue: 'JSON',
    description: 'JSON (default) or SLACK.',
  })
  @IsOptional()
  @IsIn(['JSON', 'SLACK'])
  format?: WebhookFormat | null;
}
