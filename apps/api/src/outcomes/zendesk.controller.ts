import {
  BadRequestException,
  Controller,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { WorkflowError, zendeskLaunchKey, zendeskTicket, zendeskTimestampRefusal } from '#workflow';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { OutcomeRepository } from './outcome.repository.js';
import { OutcomesService } from './outcomes.service.js';
import type { TicketIngestResultModel } from './outcome.models.js';
import { zendeskSignatureValid } from './zendesk-signature.js';

/** Its body reaches the controller as raw bytes (create-app.ts), so the signature covers them exactly. */
export const ZENDESK_TICKETS_ROUTE = '/integrations/zendesk/tickets';

/**
 * Zendesk's trigger webhook for new tickets (README "Zendesk"). Signature and replay
 * window first, then the body; a refusal stores nothing. Sending the same ticket again
 * changes nothing (the ticket's identity is ("zendesk", ticket_id)).
 */
@Controller('integrations/zendesk')
export class ZendeskController {
  constructor(
    private readonly config: AppConfig,
    private readonly outcomes: OutcomesService,
    private readonly repo: OutcomeRepository,
    private readonly clock: Clock,
  ) {}

  @Post('tickets')
  @HttpCode(HttpStatus.OK)
  async tickets(@Req() req: Request): Promise<TicketIngestResultModel> {
    const secret = this.config.ZENDESK_WEBHOOK_SECRET;
    if (!secret) throw new NotFoundException();
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const timestamp = req.get('x-zendesk-webhook-signature-timestamp');
    const now = this.clock.now().toISOString();
    const stale = zendeskTimestampRefusal(timestamp, now);
    if (stale) throw new UnauthorizedException(stale);
    if (!zendeskSignatureValid(secret, timestamp!, body, req.get('x-zendesk-webhook-signature'))) {
      throw new UnauthorizedException('The Zendesk signature does not match this request.');
    }
    try {
      const { ticket, candidateKeys } = zendeskTicket(
        body.toString('utf8'),
        now,
        this.config.ZENDESK_LAUNCH_TAG_PREFIX,
      );
      const known = await this.repo.knownKeys(this.repo.db, candidateKeys);
      return await this.outcomes.store([
        { ...ticket, launchKey: zendeskLaunchKey(candidateKeys, known) },
      ]);
    } catch (error) {
      const badInput =
        (error instanceof WorkflowError || error instanceof AppError) &&
        error.code === 'BAD_USER_INPUT';
      if (badInput) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
