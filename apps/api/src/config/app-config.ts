import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

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

  /** Signs pagination cursors; default derived per database so cursors survive restarts. */
  @IsOptional() @IsString() @MinLength(16) CURSOR_SECRET?: string;

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
  ]) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const [error] = validateSync(config, { forbidUnknownValues: false });
  if (error) {
    const rule = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(
      `Invalid configuration: ${error.property}=${JSON.stringify(raw[error.property])}: ${rule}`,
    );
  }
  return config;
}
