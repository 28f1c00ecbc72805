import { Inject, Injectable } from '@nestjs/common';
import {
  LAUNCH_EVENT_TYPES,
  webhookRefusal,
  webhookEventTypes,
  type WebhookCommand,
} from '#workflow';
import type { Viewer } from '../identity/viewer.js';
import { AppError } from '../common/app-error.js';
import { CursorCodec } from '../common/cursor-codec.js';
import { isUuid, parseId } from '../common/ids.js';
import { AppConfig } from '../config/app-config.js';
import { AddressGuard, AddressRefused } from './address-guard.js';
import { WebhookDispatcherService } from './webhook-dispatcher.service.js';
import { newWebhookSecret } from './webhook-signature.js';
import type {
  CreateWebhookInput,
  CreatedWebhookModel,
  WebhookDeliveryConnectionModel,
  WebhookModel,
} from './webhook.models.js';
import { WebhookRepository, type WebhookRow } from './webhook.repository.js';

/** During this long after a rotation, the previous secret signs too. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

interface DeliveryPosition extends Record<string, string> {
  a: string;
  i: string;
}
const isDeliveryPosition = (p: unknown): p is DeliveryPosition =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as DeliveryPosition).a === 'string' &&
  !Number.isNaN(Date.parse((p as DeliveryPosition).a)) &&
  isUuid(String((p as DeliveryPosition).i));

function toModel(row: WebhookRow): WebhookModel {
  return { ...row, eventTypes: row.eventTypes ?? [...LAUNCH_EVENT_TYPES] };
}

@Injectable()
export class WebhooksService {
  private readonly guard: AddressGuard;

  constructor(
    private readonly repo: WebhookRepository,
    private readonly dispatcher: WebhookDispatcherService,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
    config: AppConfig,
  ) {
    this.guard = new AddressGuard(config.WEBHOOK_ALLOWED_HOSTS);
  }

  private authorize(viewer: Viewer, command: WebhookCommand): void {
    const refusal = webhookRefusal(viewer.actor, command);
    if (refusal) throw AppError.forbidden(refusal);
  }

  /** Input first (BAD_USER_INPUT, nothing stored), then who may. */
  async create(viewer: Viewer, input: CreateWebhookInput): Promise<CreatedWebhookModel> {
    const url = await this.checkedUrl(input.url);
    const eventTypes = webhookEventTypes(input.eventTypes);
    this.authorize(viewer, { type: 'CREATE_WEBHOOK' });
    const secret = newWebhookSecret();
    const row = await this.repo.insert({
      url,
      eventTypes,
      format: input.format ?? 'JSON',
      secret,
      createdById: viewer.user.id,
    });
    return { webhook: toModel(row), secret };
  }

  async list(viewer: Viewer): Promise<WebhookModel[]> {
    this.authorize(viewer, { type: 'LIST_WEBHOOKS' });
    return (await this.repo.list()).map(toModel);
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const webhookId = await this.existing(id);
    this.authorize(viewer, { type: 'DELETE_WEBHOOK' });
    if (!(await this.repo.delete(webhookId))) throw AppError.notFound('Webhook');
    return true;
  }

  async enable(viewer: Viewer, id: string): Promise<WebhookModel> {
    const webhookId = await this.existing(id);
    this.authorize(viewer, { type: 'ENABLE_WEBHOOK' });
    const row = await this.repo.enable(webhookId);
    if (!row) throw AppError.notFound('Webhook');
    this.dispatcher.kick();
    return toModel(row);
  }

  async rotate(viewer: Viewer, id: string): Promise<CreatedWebhookModel> {
    const webhookId = await this.existing(id);
    this.authorize(viewer, { type: 'ROTATE_WEBHOOK_SECRET' });
    const secret = newWebhookSecret();
    const row = await this.repo.rotate(
      webhookId,
      secret,
      new Date(Date.now() + ROTATION_OVERLAP_MS),
    );
    if (!row) throw AppError.notFound('Webhook');
    return { webhook: toModel(row), secret };
  }

  async deliveries(
    viewer: Viewer,
    id: string,
    first: number,
    after: string | null | undefined,
  ): Promise<WebhookDeliveryConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw AppError.badInput('first', 'first must be between 1 and 100');
    const position = after ? this.cursors.decode(after, 'after', isDeliveryPosition) : null;
    const webhookId = await this.existing(id);
    this.authorize(viewer, { type: 'LIST_WEBHOOK_DELIVERIES' });
    const rows = await this.repo.deliveries(
      webhookId,
      position && { at: position.a, id: position.i },
      first + 1,
    );
    const edges = rows.slice(0, first).map((node) => ({
      cursor: this.cursors.encode({ a: node.at.toISOString(), i: node.id }),
      node,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  private async existing(id: string): Promise<string> {
    const webhookId = parseId(id, 'Webhook');
    if (!(await this.repo.find(webhookId))) throw AppError.notFound('Webhook');
    return webhookId;
  }

  private async checkedUrl(raw: string): Promise<string> {
    const text = raw.trim();
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw AppError.badInput('url', 'url must be an absolute http or https URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw AppError.badInput('url', 'url must use http or https');
    // They would be listed to every coordinator in clear (and are never sent): refuse them.
    if (url.username || url.password)
      throw AppError.badInput('url', 'url must not contain credentials (user:password@)');
    try {
      await this.guard.resolve(url);
    } catch (error) {
      if (error instanceof AddressRefused)
        throw AppError.badInput('url', `url is refused: ${error.message}`);
      throw error;
    }
    return url.toString();
  }
}
