/**
 * Starts a real Promptlog server in this process: opens the store, loads or creates the API
 * key, listens. Used by main.ts, the e2e fixtures and the benchmark (port 0 = a free port).
 */
import type { FastifyInstance } from 'fastify';
import { type AppDeps, buildApp } from './app.ts';
import { loadOrCreateApiKey } from './auth/api-keys.ts';
import { prepareFirstAdmin } from './auth/first-admin.ts';
import { packageVersion } from './config.ts';
import type { RetentionSettings } from './retention/retention-config.ts';
import { DEFAULT_TIMING, RetentionRunner } from './retention/retention-runner.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

export interface StartServerOptions {
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  dataDir: string;
  databaseUrl?: string;
  /** Accepted in addition to the data dir's generated key. */
  apiKeys?: readonly string[];
  ingestKeys?: readonly string[];
  readKeys?: readonly string[];
  /** Creates this admin account when no account has its email yet. */
  admin?: { email: string; password: string } | undefined;
  trustedProxy?: AppDeps['trustedProxy'];
  /** See AppDeps.logger. Default false (quiet). */
  logger?: boolean | string;
  /** See AppDeps.prettyLogs. */
  prettyLogs?: boolean;
  distDir?: string;
  /** Default: off. main.ts passes PROMPTLOG_RETENTION_* (retention-config.ts). */
  retention?: RetentionSettings;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The data dir's generated key (always accepted). */
  apiKey: string;
  /** While there is no account: the one-time token of the `/#setup=` link. */
  setupToken: string | undefined;
  app: FastifyInstance;
  store: Store;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close: () => Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const apiKey = loadOrCreateApiKey(options.dataDir);
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const setupToken = await prepareFirstAdmin(store.auth, options.admin);
  const retention = new RetentionRunner(
    store,
    options.retention ?? { days: null, keep: { scored: false, tags: [] } },
    DEFAULT_TIMING,
    (message) => process.stdout.write(`${message}\n`),
  );
  const app = buildApp({
    retention,
    store,
    apiKeys: [apiKey, ...(options.apiKeys ?? [])],
    ...(options.ingestKeys ? { ingestKeys: options.ingestKeys } : {}),
    ...(options.readKeys ? { readKeys: options.readKeys } : {}),
    trustedProxy: options.trustedProxy,
    version: packageVersion(),
    logger: options.logger ?? false,
    prettyLogs: options.prettyLogs ?? false,
    distDir: options.distDir,
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await retention.stop();
    await store.close();
    throw error;
  }
  retention.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // server.close() only drops connections idle at that moment; a keep-alive connection that
      // finishes its in-flight request afterwards would hold the close open until it times out.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        await retention.stop();
        await app.close();
      } finally {
        clearInterval(sweep);
        await store.close();
      }
    })();
    return closing;
  };
  return { url: `http://${urlHost}:${port}`, port, apiKey, setupToken, app, store, close };
}
