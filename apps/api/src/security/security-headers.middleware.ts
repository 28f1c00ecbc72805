import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** A header helmet sets (value) or removes (null). */
type HeaderWrite = [name: string, value: number | string | readonly string[] | null];

/**
 * helmet's headers, worked out once per kind of page instead of on every request: helmet
 * runs a dozen middlewares and rebuilds the content security policy each time, a fixed cost
 * of every GraphQL request. `kindOf` must name everything helmet's options depend on (the
 * policy's function directives): requests of one kind get the headers helmet gave the first.
 */
export function securityHeaders(options: HelmetOptions, kindOf: (url: string) => string) {
  const run = helmet(options);
  const byKind = new Map<string, HeaderWrite[]>();
  const record = (req: IncomingMessage): HeaderWrite[] => {
    const writes: HeaderWrite[] = [];
    const recorder = {
      setHeader: (name: string, value: HeaderWrite[1]) => writes.push([name, value]),
      removeHeader: (name: string) => writes.push([name, null]),
    } as unknown as ServerResponse;
    // helmet is synchronous: the headers are recorded when this returns.
    run(req, recorder, () => undefined);
    return writes;
  };
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const kind = kindOf(req.url ?? '/');
    let writes = byKind.get(kind);
    if (!writes) {
      writes = record(req);
      byKind.set(kind, writes);
    }
    for (const [name, value] of writes) {
      if (value === null) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}
