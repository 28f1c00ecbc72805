import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Host names, IPv4/IPv6 addresses or CIDRs, comma-separated (empty: none). */
const ALLOWED_HOSTS =
  /^\s*(?:[A-Za-z0-9.:_-]+(?:\/\d{1,3})?\s*(?:,\s*[A-Za-z0-9.:_-]+(?:\/\d{1,3})?\s*)*)?$/;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

/** `KEY=group,KEY=group` with KEY one of `keys` (empty: no mapping). */
function groupMapping(keys: readonly string[]): RegExp {
  const pair = `(?:${keys.join('|')})=[^,=\\s]+`;
  return new RegExp(`^\\s*(?:${pair}(?:\\s*,\\s*${pair})*)?\\s*$`);
}

/** Parses a mapping checked by groupMapping into group -> key pairs. */
function parseGroupMapping<K extends string>(value: string): { group: string; key: K }[] {
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [key, group] = pair.split('=') as [K, string];
      return { key, group };
    });
}

/** Single sign-on settings, complete (start-up refuses a partial configuration). */
export interface OidcSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  roleGroups: { group: string; key: 'ADMIN' | 'COORDINATOR' | 'MEMBER' | 'VIEWER' }[];
  teamGroups: { group: string; key: 'PRODUCT' | 'ENGINEERING' | 'SUPPORT' }[];
}

/** Every environment variable the service reads; README's configuration table mirrors it. */
export class AppConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsString() @MinLength(1) DATA_DIR = './data';

  @IsOptional() @Transform(toBool) @IsBoolean() SEED_DEMO?: boolean;

  @IsOptional() @IsString() @MinLength(22) @MaxLength(200) BOOTSTRAP_ADMIN_TOKEN?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }) PUBLIC_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(1) @Max(100) DB_POOL_SIZE = 10;

  /** Bounded so a dead database fails requests quickly instead of hanging them. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000) DB_STATEMENT_TIMEOUT_MS = 15_000;

  @Transform(toInt) @IsInt() @Min(0) @Max(600_000) SHUTDOWN_GRACE_MS = 10_000;

  /** Mutation fields per user per minute, all of the user's tokens together. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_MUTATIONS_PER_MIN = 600;

  /** Query cost (GRAPHQL_MAX_COST's units) per user per minute; 0 turns the read budget off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000_000) RATE_LIMIT_READ_COST_PER_MIN = 2_000_000;

  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_ANONYMOUS_PER_MIN = 60;

  @Transform(toInt) @IsInt() @Min(2) @Max(50) GRAPHQL_MAX_DEPTH = 14;

  @Transform(toInt) @IsInt() @Min(0) @Max(1_000) GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt) @IsInt() @Min(1) @Max(100) GRAPHQL_MAX_ROOT_FIELDS = 10;

  @Transform(toInt) @IsInt() @Min(100) @Max(100_000) GRAPHQL_MAX_TOKENS = 2_000;

  @Transform(toInt) @IsInt() @Min(100) @Max(1_000_000) GRAPHQL_MAX_COST = 20_000;

  /** Signs pagination cursors; default derived per database so cursors survive restarts. */
  @IsOptional() @IsString() @MinLength(16) CURSOR_SECRET?: string;

  // Notifications (issue 5): subscriptions, webhooks, internal-SLO timers.

  /** AT_RISK when the target GA date is this many days away or closer, before SUPPORT_TRAINED. */
  @Transform(toInt) @IsInt() @Min(0) @Max(365) AT_RISK_DAYS = 7;

  /** How often each process looks for due SLO timers (escalations, at-risk). */
  @Transform(toInt) @IsInt() @Min(10) @Max(600_000) SLO_SCAN_INTERVAL_MS = 5_000;

  /** Private or loopback hosts webhooks may target: comma-separated host names, addresses, CIDRs. */
  @IsString()
  @Matches(ALLOWED_HOSTS, { message: 'must be comma-separated host names, IP addresses or CIDRs' })
  WEBHOOK_ALLOWED_HOSTS = '';

  /** A receiver that has not answered within this is a failed attempt. */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000) WEBHOOK_TIMEOUT_MS = 10_000;

  /** Attempts per message before it is GAVE_UP. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50) WEBHOOK_MAX_ATTEMPTS = 15;

  /** First retry after base/2..base (jittered); each next one doubles, up to WEBHOOK_RETRY_MAX_MS. */
  @Transform(toInt) @IsInt() @Min(10) @Max(5_000) WEBHOOK_RETRY_BASE_MS = 2_000;

  @Transform(toInt) @IsInt() @Min(10) @Max(86_400_000) WEBHOOK_RETRY_MAX_MS = 3_600_000;

  /** Consecutive failed attempts after which an endpoint is disabled until enableWebhook. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) WEBHOOK_DISABLE_AFTER_FAILURES = 20;

  /** How often each process looks for due retries (new events are pushed at once). */
  @Transform(toInt) @IsInt() @Min(10) @Max(60_000) WEBHOOK_POLL_MS = 1_000;

  /** Deliveries in flight per process. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) WEBHOOK_CONCURRENCY = 8;

  // Outcomes (issue 14): support tickets after GA.

  /** How often each process looks for GA launches whose outcome window has completed. */
  @Transform(toInt) @IsInt() @Min(10) @Max(3_600_000) OUTCOME_SCAN_INTERVAL_MS = 60_000;

  /** Zendesk's webhook signing secret; unset, POST /integrations/zendesk/tickets answers 404. */
  @IsOptional() @IsString() @MinLength(8) @MaxLength(500) ZENDESK_WEBHOOK_SECRET?: string;

  /** A Zendesk tag of this prefix followed by a launch key attributes the ticket to that launch. */
  @IsString()
  @Matches(/^[A-Za-z0-9_:.-]{1,50}$/, {
    message: 'must be 1 to 50 letters, digits, "_", ":", "." or "-"',
  })
  ZENDESK_LAUNCH_TAG_PREFIX = 'launch-';
  // Identity (issue 13): single sign-on with OpenID Connect, off while OIDC_ISSUER_URL is unset.

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }) OIDC_ISSUER_URL?: string;

  @IsOptional() @IsString() @MinLength(1) @MaxLength(500) OIDC_CLIENT_ID?: string;

  @IsOptional() @IsString() @MinLength(1) @MaxLength(500) OIDC_CLIENT_SECRET?: string;

  @IsString()
  @Matches(/^(?=.*\bopenid\b)[\x21\x23-\x5B\x5D-\x7E]+(?: [\x21\x23-\x5B\x5D-\x7E]+)*$/, {
    message: 'must be space-separated scopes including openid',
  })
  OIDC_SCOPES = 'openid email profile';

  @IsString() @Matches(/^\S{1,200}$/, { message: 'must be a claim name' }) OIDC_GROUPS_CLAIM =
    'groups';

  @IsString()
  @Matches(groupMapping(['ADMIN', 'COORDINATOR', 'MEMBER', 'VIEWER']), {
    message: 'must be ROLE=group pairs, comma-separated (ADMIN, COORDINATOR, MEMBER, VIEWER)',
  })
  OIDC_ROLE_GROUPS = '';

  @IsString()
  @Matches(groupMapping(['PRODUCT', 'ENGINEERING', 'SUPPORT']), {
    message: 'must be TEAM=group pairs, comma-separated (PRODUCT, ENGINEERING, SUPPORT)',
  })
  OIDC_TEAM_GROUPS = '';

  /** A session unused this long ends. */
  @Transform(toInt) @IsInt() @Min(1) @Max(525_600) SESSION_IDLE_MINUTES = 480;

  /** A session ends this long after sign-in, used or not. */
  @Transform(toInt) @IsInt() @Min(1) @Max(8_760) SESSION_MAX_HOURS = 168;

  /** The single sign-on settings, or null when it is off. */
  get oidc(): OidcSettings | null {
    if (!this.OIDC_ISSUER_URL || !this.OIDC_CLIENT_ID || !this.OIDC_CLIENT_SECRET) return null;
    return {
      issuerUrl: this.OIDC_ISSUER_URL,
      clientId: this.OIDC_CLIENT_ID,
      clientSecret: this.OIDC_CLIENT_SECRET,
      scopes: this.OIDC_SCOPES,
      groupsClaim: this.OIDC_GROUPS_CLAIM,
      roleGroups: parseGroupMapping(this.OIDC_ROLE_GROUPS),
      teamGroups: parseGroupMapping(this.OIDC_TEAM_GROUPS),
    };
  }

  /** The identity provider is the source of truth for the roles and teams of users it signs in. */
  get providerManagesRoles(): boolean {
    return this.oidc !== null && (this.OIDC_ROLE_GROUPS !== '' || this.OIDC_TEAM_GROUPS !== '');
  }

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.embedded;
  }

  get publicUrl(): string {
    return this.PUBLIC_URL ?? `http://localhost:${this.PORT}`;
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; the first broken variable becomes one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const name of [
    ...known,
    'DATABASE_URL',
    'SEED_DEMO',
    'BOOTSTRAP_ADMIN_TOKEN',
    'PUBLIC_URL',
    'CURSOR_SECRET',
    'ZENDESK_WEBHOOK_SECRET',
    'OIDC_ISSUER_URL',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
  ]) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const [error] = validateSync(config, { forbidUnknownValues: false });
  if (error) {
    // The type rule first: "must be an integer" says more about "eighty" than a bound does.
    const constraints = error.constraints ?? {};
    const typeRule = ['isInt', 'isBoolean', 'isUrl', 'isIn', 'isString'].find(
      (k) => k in constraints,
    );
    const rule =
      (typeRule && constraints[typeRule]) ?? Object.values(constraints)[0] ?? 'is invalid';
    throw new ConfigError(
      `Invalid configuration: ${error.property}=${JSON.stringify(raw[error.property])}: ${rule}`,
    );
  }
  const oidcSet = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const missing = oidcSet.filter((name) => raw[name] === undefined);
  if (missing.length > 0 && missing.length < oidcSet.length) {
    throw new ConfigError(
      `Invalid configuration: single sign-on needs ${oidcSet.join(', ')} together; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
    );
  }
  const issuer = config.OIDC_ISSUER_URL ? new URL(config.OIDC_ISSUER_URL) : null;
  if (
    issuer?.protocol === 'http:' &&
    !['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)
  ) {
    throw new ConfigError(
      `Invalid configuration: OIDC_ISSUER_URL=${JSON.stringify(raw.OIDC_ISSUER_URL)}: must be https (plain http only on this machine)`,
    );
  }
  return config;
}
