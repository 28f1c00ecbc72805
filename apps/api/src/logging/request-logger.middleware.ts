import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service.js';

const ROUTES = new Set(['graphql', 'admin', 'health', 'metrics', 'demo']);
/** A bounded label: the first path segment when it is one of ours. */
const routeOf = (path: string) => {
  const first = path.split('/')[1] ?? '';
  return ROUTES.has(first) ? first : 'other';
};

/**
 * One JSON line per HTTP request (method, path, status, duration, GraphQL operation name),
 * and the same duration in the metrics histogram.
 */
export function requestLogger(logger: Logger, metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // originalUrl: mounted routers (GraphQL's among them) rewrite req.url while they run.
      const path = req.originalUrl.split('?')[0] ?? '/';
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      metrics.requestDuration.observe(
        { route: routeOf(path), status: String(res.statusCode) },
        durationMs / 1000,
      );
      if (!logger.isLevelEnabled('info')) return;
      const body = req.body as { operationName?: unknown } | undefined;
      const operationName =
        typeof body?.operationName === 'string'
          ? body.operationName
          : typeof req.query.operationName === 'string'
            ? req.query.operationName
            : undefined;
      logger.info(
        { method: req.method, path, status: res.statusCode, durationMs, operationName },
        'request',
      );
    });
    next();
  };
}
