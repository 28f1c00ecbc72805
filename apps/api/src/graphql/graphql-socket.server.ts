import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { ApolloDriver } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServer } from '@apollo/server';
import {
  execute as graphqlExecute,
  getOperationAST,
  GraphQLError,
  parse,
  subscribe as graphqlSubscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { formatGraphQLError } from '../common/graphql-error.formatter.js';
import { AppConfig } from '../config/app-config.js';
import { AuthService } from '../identity/auth.service.js';
import { CredentialEvents, type CredentialEnded } from '../identity/credential-events.service.js';
import type { RequestContext } from '../identity/request-context.js';
import { createLoaders } from '../identity/user.loader.js';
import { UserRepository } from '../identity/user.repository.js';
import { requestCredential } from '../identity/session-cookie.js';
import type { Viewer } from '../identity/viewer.js';
import { RateLimitService } from '../security/rate-limit.service.js';
import { SOCKET_TRANSPORT, type SocketContext } from './socket-admission.plugin.js';

export const GRAPHQL_PATH = '/graphql';
/** A socket message larger than this closes the socket (1009), like the HTTP body limit. */
export const SOCKET_MAX_PAYLOAD_BYTES = 1_048_576;
/** The credential that opened the socket ended, or none was valid. */
export const FORBIDDEN_CLOSE_CODE = 4403;
/** Close reasons are at most 123 bytes. */
export const FORBIDDEN_CLOSE_REASON =
  'Forbidden: connection_init needs {"authorization":"Bearer <token>"} with a valid token';
export const CREDENTIAL_ENDED_REASON = 'Forbidden: the credential of this connection has ended';
export const RATE_LIMITED_CLOSE_CODE = 4429;

interface SocketExtra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: IncomingMessage;
  authorization?: string;
  viewer?: Viewer;
}
type WsContext = Context<Record<string, unknown> | undefined, SocketExtra>;

/** Results that went through Apollo already (formatted there), by the context that carries them. */
const precomputed = new WeakMap<object, ExecutionResult>();

/**
 * GraphQL over WebSocket (graphql-ws) at /graphql, as a second transport of the one
 * pipeline: every operation is first run through Apollo Server (`executeOperation`), so
 * parsing and its token limit, validation and the armor limits, the input checks, rate
 * limits and read budget, metrics and error formatting are those of HTTP, whatever rule is
 * added there later. Queries and mutations are answered from that run; subscriptions are
 * admitted by it (the socket admission plugin stops them before execution) and then
 * subscribed here. Each operation re-authenticates the socket's credential; a credential's
 * end (revocation, on any process) closes its sockets with 4403 at once.
 */
@Injectable()
export class GraphqlSocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GraphqlSocketServer.name);
  private readonly open = new Map<WebSocket, SocketExtra>();
  private wss: WebSocketServer | null = null;
  private dispose: (() => Promise<void> | void) | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly httpHost: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly users: UserRepository,
    private readonly rateLimit: RateLimitService,
    credentials: CredentialEvents,
  ) {
    credentials.onEnded((ended) => void this.closeEnded(ended));
  }

  onApplicationBootstrap(): void {
    const graphql = this.moduleRef.get<GraphQLModule<ApolloDriver>>(GraphQLModule, {
      strict: false,
    });
    // Typed with Apollo's BaseContext by Nest; this server's context is always a RequestContext.
    const apollo = graphql.graphQlAdapter.instance as unknown as ApolloServer<RequestContext>;
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MAX_PAYLOAD_BYTES });
    this.wss = wss;
    const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
      {
        schema,
        execute: (args: ExecutionArgs) =>
          precomputed.get(args.contextValue as object) ?? graphqlExecute(args),
        subscribe: graphqlSubscribe,
        onConnect: (ctx) => this.connect(ctx),
        onSubscribe: (ctx, _id, payload) => this.admit(ctx, payload, apollo, schema),
        // Apollo formatted the errors of a query or mutation already (plain objects, which
        // graphql-ws would try to serialise again); a subscription's results are formatted here.
        onNext: (_ctx, _id, _payload, args, result) =>
          precomputed.has(args.contextValue as object)
            ? (result as FormattedExecutionResult)
            : formatResult(result),
        onError: (_ctx, _id, _payload, errors) => errors.map(formatOne),
        onClose: (ctx) => {
          this.open.delete(ctx.extra.socket);
        },
      },
      wss,
    );
    this.dispose = () => server.dispose();
    this.httpHost.httpAdapter.getHttpServer().on('upgrade', this.upgrade);
  }

  async onModuleDestroy(): Promise<void> {
    this.httpHost.httpAdapter?.getHttpServer().off('upgrade', this.upgrade);
    await this.dispose?.();
    this.wss?.close();
  }

  /** Upgrades /graphql only, and only from this installation's origin when a browser says one. */
  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss;
    if (!wss || new URL(request.url ?? '/', 'http://x').pathname !== GRAPHQL_PATH) return;
    if (!this.originAllowed(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  private originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (!origin) return true; // not a browser: no ambient credentials to abuse
    const own = [new URL(this.config.publicUrl).origin];
    if (request.headers.host)
      own.push(`http://${request.headers.host}`, `https://${request.headers.host}`);
    return own.includes(origin);
  }

  /** A session cookie counts only on a socket opened from this installation's own pages. */
  private sessionCredential(request: IncomingMessage): string | undefined {
    if (request.headers.origin !== new URL(this.config.publicUrl).origin) return undefined;
    return requestCredential(undefined, request.headers.cookie);
  }

  private async connect(ctx: WsContext): Promise<boolean> {
    const params = ctx.connectionParams ?? {};
    const header = params.authorization ?? params.Authorization;
    const authorization =
      typeof header === 'string' ? header : this.sessionCredential(ctx.extra.request);
    const viewer = await this.auth.authenticate(authorization);
    if (!viewer) {
      // Failed attempts share the anonymous per-address ceiling of HTTP.
      try {
        await this.rateLimit.consume(
          'anonymous_per_ip',
          ctx.extra.request.socket.remoteAddress ?? 'unknown',
        );
      } catch {
        ctx.extra.socket.close(RATE_LIMITED_CLOSE_CODE, 'Too many requests: retry later');
        return false;
      }
      ctx.extra.socket.close(FORBIDDEN_CLOSE_CODE, FORBIDDEN_CLOSE_REASON);
      return false;
    }
    ctx.extra.authorization = authorization;
    ctx.extra.viewer = viewer;
    this.open.set(ctx.extra.socket, ctx.extra);
    return true;
  }

  /** One operation through Apollo's pipeline; refusals answer this operation only. */
  private async admit(
    ctx: WsContext,
    payload: SubscribePayload,
    apollo: ApolloServer<RequestContext>,
    schema: ExecutionArgs['schema'],
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    try {
      const viewer = await this.auth.authenticate(ctx.extra.authorization);
      if (!viewer) {
        ctx.extra.socket.close(FORBIDDEN_CLOSE_CODE, CREDENTIAL_ENDED_REASON);
        return [coded('The credential of this connection has ended.', 'UNAUTHENTICATED')];
      }
      ctx.extra.viewer = viewer;
      const contextValue: SocketContext = {
        viewer,
        loaders: createLoaders(this.users),
        transport: SOCKET_TRANSPORT,
      };
      const response = await apollo.executeOperation(
        {
          query: payload.query,
          variables: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
        },
        { contextValue },
      );
      if (response.body.kind !== 'single') {
        return [coded('Incremental delivery is not served over WebSocket.', 'BAD_USER_INPUT')];
      }
      const result = response.body.singleResult;
      if (!('data' in result) || result.data === undefined) {
        // Refused before execution (parse, validation, limits, input, rate): errors, already formatted.
        return (result.errors ?? []).map(preformatted);
      }
      const document = parse(payload.query);
      // Queries and mutations were answered by that run; a subscription was only admitted.
      if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
        precomputed.set(contextValue, result as ExecutionResult);
      }
      return {
        schema,
        document,
        variableValues: payload.variables ?? undefined,
        operationName: payload.operationName ?? undefined,
        contextValue,
      };
    } catch (error) {
      this.logger.warn(`socket operation failed: ${String(error)}`);
      return [
        error instanceof GraphQLError ? error : coded('Internal error.', 'INTERNAL_SERVER_ERROR'),
      ];
    }
  }

  /** Closes the sockets a credential opened; with null, re-checks every socket's credential. */
  private async closeEnded(ended: CredentialEnded | null): Promise<void> {
    for (const [socket, extra] of this.open) {
      const viewer = extra.viewer;
      if (!viewer) continue;
      const endedHere =
        ended === null
          ? (await this.auth.authenticate(extra.authorization).catch(() => viewer)) === null
          : 'tokenId' in ended
            ? viewer.tokenId === ended.tokenId
            : viewer.user.id === ended.userId;
      if (endedHere) {
        this.open.delete(socket);
        socket.close(FORBIDDEN_CLOSE_CODE, CREDENTIAL_ENDED_REASON);
      }
    }
  }
}

/** Errors that Apollo already formatted pass through the socket's own formatting unchanged. */
const alreadyFormatted = new WeakSet<GraphQLError>();

function preformatted(formatted: GraphQLFormattedError): GraphQLError {
  const error = new GraphQLError(formatted.message, {
    extensions: formatted.extensions,
    path: formatted.path,
  });
  alreadyFormatted.add(error);
  return error;
}

function coded(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function formatOne(error: GraphQLError): GraphQLFormattedError {
  if (alreadyFormatted.has(error)) return error.toJSON();
  return formatGraphQLError(error.toJSON(), error);
}

function formatResult(result: ExecutionResult): FormattedExecutionResult | undefined {
  return result.errors ? { ...result, errors: result.errors.map(formatOne) } : undefined;
}
