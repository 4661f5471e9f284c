import { createServiceContext, type ServiceContext } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { openCaseload, type Caseload } from './db/open';
import { restoreSession } from './services/settings';

export interface RunningCaseload {
  caseload: Caseload;
  ctx: ServiceContext;
  dispatch: Dispatch;
  close(): void;
}

/**
 * Opens the caseload and wires the dispatch over it. The Electron entry and the end-to-end test
 * fixture both start here, so only the transport differs between them.
 */
export function startCaseload(options: {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  now?: () => Date;
  log?: (error: unknown) => void;
}): RunningCaseload {
  const caseload = openCaseload(options);
  const ctx = createServiceContext({
    db: caseload.db,
    sqlite: caseload.sqlite,
    dataDirectory: options.dataDir,
    appVersion: options.appVersion,
    ...(options.now ? { now: options.now } : {}),
  });
  restoreSession(ctx);
  return { caseload, ctx, dispatch: createDispatch(ctx, options.log), close: () => caseload.close() };
}
