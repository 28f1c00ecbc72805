import { ConfigError, loadConfig } from './config/app-config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const started = performance.now();
  // The database opens (connect, migrate) while the application's modules load; createApp
  // awaits it and reports its failure.
  const opening = import('./database/data-source.js').then((m) => m.openDatabase(config));
  opening.catch(() => undefined);
  // Loaded after the configuration is known to be valid, so a bad value fails in milliseconds.
  const { createApp } = await import('./create-app.js');
  const { app, database, logger, demoUsers } = await createApp(
    config,
    undefined,
    undefined,
    opening,
  );
  await app.listen(config.PORT);
  logger.info(
    {
      port: config.PORT,
      embedded: config.embedded,
      dataDir: config.embedded ? config.DATA_DIR : undefined,
      startMs: Math.round(performance.now() - started),
    },
    `Liftoff ready: GraphQL ${config.publicUrl}/graphql, admin UI ${config.publicUrl}/admin`,
  );
  if (demoUsers.length > 0) {
    // Printed once, when seeded: plain text so a newcomer can copy a token.
    process.stdout.write('\n=== LOCAL DEMO TOKENS (demo data only; never use in production) ===\n');
    for (const t of demoUsers)
      process.stdout.write(
        `${t.role.padEnd(12)} ${t.teams.join(',').padEnd(22)} ${t.name.padEnd(22)} ${t.token}\n`,
      );
    process.stdout.write(
      '====================================================================\n\n',
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown grace period over; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    force.unref();
    await app.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Liftoff failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
