import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { Logger } from 'pino';
import type { Clock } from './common/clock.js';
import { AppModule } from './app.module.js';
import { bootstrapAdmin } from './identity/bootstrap-admin.js';
import type { AppConfig } from './config/app-config.js';
import { openDatabase, type Database } from './database/data-source.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import type { DemoUser } from './demo/demo-user.js';
import { createRootLogger, PinoLoggerService } from './logging/pino-logger.service.js';
import { requestLogger } from './logging/request-logger.middleware.js';
import { MetricsService } from './metrics/metrics.service.js';
import { ZENDESK_TICKETS_ROUTE } from './outcomes/zendesk.controller.js';
import { securityHeaders } from './security/security-headers.middleware.js';

export const BODY_LIMIT = '1mb';

/** The admin UI loads only its own scripts and styles and talks only to this origin. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Upgrading requests to https only helps when the installation is served over https: over
 * plain HTTP at a non-localhost address the browser would fetch the scripts from an https
 * port nobody listens on, and the admin UI would be a blank page.
 */
function contentSecurityPolicy(https: boolean) {
  return {
    ...CONTENT_SECURITY_POLICY,
    styleSrc: ["'self'", explorerStyles],
    upgradeInsecureRequests: https ? [] : null,
  };
}

/**
 * The GraphQL explorer's editor (GraphiQL on Monaco) sets inline styles as it draws; its
 * page alone may, and scripts stay 'self' everywhere.
 */
function explorerStyles(req: IncomingMessage): string {
  return isExplorerPage(req.url ?? '') ? "'unsafe-inline'" : "'self'";
}
const isExplorerPage = (url: string) => url.startsWith('/admin/graphiql.html');
const ADMIN_DIST = join(process.cwd(), 'apps/admin/dist');

export interface RunningApp {
  app: INestApplication;
  database: Database;
  logger: Logger;
  /** The demo users this start seeded, with their tokens (printed once by main). */
  demoUsers: DemoUser[];
}

/**
 * Opens the database (or takes the one `opening` opens), migrates, seeds and builds the Nest
 * application (not yet listening).
 */
export async function createApp(
  config: AppConfig,
  logger = createRootLogger(config.LOG_LEVEL),
  clock?: Clock,
  opening: Promise<Database> = openDatabase(config),
): Promise<RunningApp> {
  const database = await opening;
  try {
    await bootstrapAdmin(database.dataSource, config, logger);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config, dataSource: database.dataSource, clock }),
      { bodyParser: false, logger: new PinoLoggerService(logger) },
    );
    const https = new URL(config.publicUrl).protocol === 'https:';
    app.use(
      securityHeaders(
        {
          contentSecurityPolicy: { directives: contentSecurityPolicy(https) },
          // HSTS from a plain-HTTP installation would only pin browsers to a port with no TLS.
          strictTransportSecurity: https,
        },
        // The only thing the options read of a request (explorerStyles).
        (url) => (isExplorerPage(url) ? 'explorer' : 'other'),
      ),
    );
    app.use(requestLogger(logger, app.get(MetricsService)));
    // Signed webhooks are verified over the bytes as sent: that route gets them raw.
    app.use(ZENDESK_TICKETS_ROUTE, express.raw({ type: () => true, limit: BODY_LIMIT }));
    app.useBodyParser('json', { limit: BODY_LIMIT });
    app.set('x-powered-by', false);
    if (existsSync(ADMIN_DIST)) {
      app.use('/admin', express.static(ADMIN_DIST, { index: 'index.html', maxAge: '1h' }));
      // Client-side routes under /admin all load the single page.
      app.use(/^\/admin(\/.*)?$/, (_req: express.Request, res: express.Response) => {
        res.sendFile(join(ADMIN_DIST, 'index.html'));
      });
    }
    const demoUsers = config.seedDemo ? await app.get(DemoSeedService).seedOnce() : [];
    return { app, database, logger, demoUsers };
  } catch (error) {
    await database.close();
    throw error;
  }
}
