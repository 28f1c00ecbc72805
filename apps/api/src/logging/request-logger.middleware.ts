import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** One JSON line per HTTP request: method, path, status, duration and the GraphQL operation name. */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const body = req.body as { operationName?: unknown } | undefined;
      const operationName =
        typeof body?.operationName === 'string'
          ? body.operationName
          : typeof req.query.operationName === 'string'
            ? req.query.operationName
            : undefined;
      logger.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          operationName,
        },
        'request',
      );
    });
    next();
  };
}
