/**
 * `npm start`: configuration from env/flags (config.ts), store, listen, graceful shutdown.
 * The API key is printed only inside the sign-in URL's fragment, which browsers never send.
 */
import { ConfigError, loadConfig } from './config.ts';
import { RetentionConfigError, retentionFromEnv } from './retention/retention-config.ts';
import { type RunningServer, startServer } from './start-server.ts';

const DRAIN_TIMEOUT_MS = 30_000;

let server: RunningServer | undefined;
let stopping = false;

function stop(signal: NodeJS.Signals): void {
  if (stopping || !server) {
    process.stdout.write(`${signal}: exiting now\n`);
    process.exit(1);
  }
  stopping = true;
  process.stdout.write(`${signal}: finishing in-flight requests, then closing the store\n`);
  // A download that never finishes must not keep the process alive forever.
  setTimeout(() => {
    process.stderr.write(`still busy after ${DRAIN_TIMEOUT_MS / 1000} s: exiting without waiting\n`);
    process.exit(1);
  }, DRAIN_TIMEOUT_MS).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`error while closing: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

async function main(): Promise<void> {
  // Handlers go in before anything is printed: whoever reads the URL may signal us at once.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const config = loadConfig();
  server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    apiKeys: config.apiKeys,
    ingestKeys: config.ingestKeys,
    readKeys: config.readKeys,
    admin: config.admin,
    trustedProxy: config.trustedProxy,
    logger: config.logLevel,
    prettyLogs: process.stdout.isTTY === true,
    retention: retentionFromEnv(),
  }).catch((error: unknown) => {
    throw portInUse(error) ? new PortInUseError(config.port) : error;
  });
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${server.port}`;
  const { apiKey, setupToken } = server;
  // The links come last, where a person looks; on a terminal, Enter prints them again.
  const links = () =>
    (setupToken ? `Create the first admin account (one-time link): ${base}/#setup=${setupToken}\n` : '') +
    `Sign in to the dashboard with the server key: ${base}/#key=${apiKey}\n`;
  process.stdout.write(
    `Promptlog listening on ${base}  (store: ${server.store.kind}, data: ${config.dataDir})\n` +
      `Point the PromptLayer SDKs at it: PROMPTLAYER_BASE_URL=${base}\n` +
      links() +
      (process.stdin.isTTY ? 'Press Enter to show the sign-in link again.\n' : ''),
  );
  if (process.stdin.isTTY) process.stdin.on('data', () => process.stdout.write(links()));
}

class PortInUseError extends Error {
  constructor(port: number) {
    super(
      `port ${port} is already in use (another Promptlog?). Start on another port: PORT=${port + 1} npm start`,
    );
  }
}

const portInUse = (error: unknown) =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof RetentionConfigError ||
    error instanceof PortInUseError
  )
    process.stderr.write(`promptlog: ${error.message}\n`);
  else
    process.stderr.write(
      `promptlog: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  process.exit(1);
});
