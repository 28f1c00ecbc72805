import http from 'node:http';
import https from 'node:https';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { LaunchEventBus } from '../events/launch-event-bus.js';
import { AddressGuard, AddressRefused } from './address-guard.js';
import { signedHeaders } from './webhook-signature.js';
import {
  WebhookRepository,
  type AttemptOutcome,
  type ClaimedMessage,
} from './webhook.repository.js';

/** Extra lease beyond the request timeout, for recording the outcome. */
const LEASE_MARGIN_MS = 5_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Exponential back-off with jitter: attempt n (from 1) waits base·2^(n-1), halved at random. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * Delivers the webhook outbox, at least once. Every process runs one: it wakes when a
 * change commits (through the event bus) and every WEBHOOK_POLL_MS for retries, claims due
 * messages (SKIP LOCKED, leased), and sends each as signed Standard Webhooks requests to
 * the address the SSRF guard approved at that moment, without following redirects.
 */
@Injectable()
export class WebhookDispatcherService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatcherService.name);
  private readonly guard: AddressGuard;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stop = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly repo: WebhookRepository,
    bus: LaunchEventBus,
    private readonly metrics: MetricsService,
  ) {
    this.guard = new AddressGuard(config.WEBHOOK_ALLOWED_HOSTS);
    bus.onCommitted(() => this.kick());
  }

  onApplicationBootstrap(): void {
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stop.abort();
    await this.pumping;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Look for due messages now (coalesced with a pass already running). */
  kick(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((error: unknown) => this.logger.warn(`webhook dispatch failed: ${String(error)}`))
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private tick(): void {
    if (this.stopping) return;
    this.kick();
    this.timer = setTimeout(() => this.tick(), this.config.WEBHOOK_POLL_MS);
  }

  private async pump(): Promise<void> {
    while (!this.stopping) {
      const room = this.config.WEBHOOK_CONCURRENCY - this.inFlight.size;
      if (room <= 0) return;
      const claimed = await this.repo.claim(room, this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS);
      for (const message of claimed) {
        const work: Promise<void> = this.attempt(message)
          .catch((error: unknown) => this.logger.warn(`webhook attempt failed: ${String(error)}`))
          .finally(() => {
            this.inFlight.delete(work);
            // A delivered head lets the launch's next message go: look again.
            this.kick();
          });
        this.inFlight.add(work);
      }
      if (claimed.length < room) return;
    }
  }

  private async attempt(message: ClaimedMessage): Promise<void> {
    const outcome = await this.send(message);
    if (outcome === 'aborted') {
      await this.repo.release(message.id).catch(() => undefined);
      return;
    }
    const attempt = message.attempts + 1;
    const status = await this.repo.record(message, outcome, {
      maxAttempts: this.config.WEBHOOK_MAX_ATTEMPTS,
      retryInMs: retryDelayMs(
        attempt,
        this.config.WEBHOOK_RETRY_BASE_MS,
        this.config.WEBHOOK_RETRY_MAX_MS,
      ),
      disableAfter: this.config.WEBHOOK_DISABLE_AFTER_FAILURES,
    });
    this.metrics.webhookDeliveries.inc({ outcome: status });
  }

  /** One signed POST. The body is the stored one; only the timestamp and signature are new. */
  private async send(message: ClaimedMessage): Promise<AttemptOutcome | 'aborted'> {
    const started = performance.now();
    const failed = (error: string, responseCode: number | null = null): AttemptOutcome => ({
      ok: false,
      responseCode,
      error,
      durationMs: performance.now() - started,
    });
    let url: URL;
    let target: { address: string; family: 4 | 6 };
    try {
      url = new URL(message.url);
      const [first] = await this.guard.resolve(url);
      target = first!;
    } catch (error) {
      return failed(
        error instanceof AddressRefused
          ? `refused: ${error.message}`
          : `bad target: ${String(error)}`,
      );
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Liftoff-Webhooks/1',
      ...signedHeaders(message.secrets, message.id, Math.floor(Date.now() / 1000), message.body),
    };
    const signal = AbortSignal.any([
      this.stop.signal,
      AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
    ]);
    const secure = url.protocol === 'https:';
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    return new Promise((resolve) => {
      const request = (secure ? https : http).request(
        {
          // Connect to the address just checked, so DNS cannot swap in another one.
          host: target.address,
          family: target.family,
          port: url.port || (secure ? 443 : 80),
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          servername: secure && !/^[\d.]+$|:/.test(hostname) ? hostname : undefined,
          headers: {
            ...headers,
            host: url.host,
            'content-length': Buffer.byteLength(message.body),
          },
          signal,
          agent: false,
        },
        (response) => {
          let received = 0;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > MAX_RESPONSE_BYTES) response.destroy();
          });
          const done = () => {
            const code = response.statusCode ?? 0;
            resolve(
              code >= 200 && code < 300
                ? { ok: true, responseCode: code, durationMs: performance.now() - started }
                : failed(
                    code >= 300 && code < 400
                      ? `HTTP ${code}: redirects are not followed`
                      : `HTTP ${code}`,
                    code,
                  ),
            );
          };
          response.on('end', done);
          response.on('close', done);
          response.on('error', done);
        },
      );
      request.on('error', (error) => {
        if (this.stop.signal.aborted) resolve('aborted');
        else if (signal.aborted)
          resolve(failed(`no answer within ${this.config.WEBHOOK_TIMEOUT_MS} ms`));
        else resolve(failed(error.message));
      });
      request.end(message.body);
    });
  }
}
