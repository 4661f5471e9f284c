import { createServiceContext, type ServiceContext } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { flushAnchor, writeAnchor } from './db/anchor';
import { openCaseload, type Caseload } from './db/open';
import { auditHead } from './services/audit';
import { dataKeyFor } from './db/keyring';
import { warmIntakePages } from './db/warm';

export interface RunningCaseload {
  caseload: Caseload;
  ctx: ServiceContext;
  dispatch: Dispatch;
  /** Writes the audit head to the anchor file if it moved; the dispatch calls it after every request. */
  syncAnchor(): void;
  /** What the dispatch does after every request (anchor, idle checkpoint), for requests answered outside it. */
  afterRequest(): void;
  close(): void;
}

/** How long the caseload must be quiet before the WAL is folded into the main file. */
const IDLE_CHECKPOINT_MS = 5_000;

export interface StartOptions {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  now?: () => Date;
  log?: (error: unknown) => void;
  acceptBehindAnchor?: boolean;
  /** How long the caseload must be quiet before the WAL is folded into the main file. */
  idleCheckpointMs?: number;
  /** Leave the full page check to the caller (see openCaseload). */
  deferFullCheck?: boolean;
}

/**
 * Opens the caseload and wires the dispatch over it. The Electron entry and the end-to-end test
 * fixture both start here, so only the transport differs between them.
 */
export function startCaseload(options: StartOptions): RunningCaseload {
  const caseload = openCaseload(options);
  if (dataKeyFor(options.dataDir)) {
    // Encrypted: pay the decryption of the intake tables once, now, not at each first look at a patient.
    try {
      warmIntakePages(caseload.sqlite);
    } catch (error) {
      (options.log ?? console.error)(error); // a cold cache is slower, never wrong
    }
  }
  const ctx = createServiceContext({
    db: caseload.db,
    sqlite: caseload.sqlite,
    dataDirectory: options.dataDir,
    appVersion: options.appVersion,
    ...(options.now ? { now: options.now } : {}),
  });
  let anchored = auditHead(caseload.sqlite)?.seq ?? 0;
  const syncAnchor = () => {
    const head = auditHead(caseload.sqlite);
    if (!head || head.seq === anchored) return;
    // After the commit, before the answer goes back: what the renderer is told was saved is anchored.
    writeAnchor(options.dataDir, { seq: head.seq, hash: head.hash, at: ctx.now().toISOString() }, { flush: false });
    anchored = head.seq;
  };
  let idle: NodeJS.Timeout | null = null;
  let closed = false;
  const checkpointWhenIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      idle = null;
      try {
        if (!closed) {
          caseload.sqlite.pragma('wal_checkpoint(TRUNCATE)');
          flushAnchor(options.dataDir);
        }
      } catch (error) {
        (options.log ?? console.error)(error);
      }
    }, options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS);
    idle.unref();
  };
  const inner = createDispatch(ctx, options.log);
  const afterRequest = () => {
    if (closed) return;
    try {
      syncAnchor();
    } catch (error) {
      // The write itself is committed; an anchor left behind only errs on the safe side.
      (options.log ?? console.error)(error);
    }
    checkpointWhenIdle();
  };
  const dispatch: Dispatch = async (channel, payload) => {
    try {
      return await inner(channel, payload);
    } finally {
      afterRequest();
    }
  };
  return {
    caseload,
    ctx,
    dispatch,
    syncAnchor,
    afterRequest,
    close: () => {
      if (closed) return;
      closed = true;
      if (idle) clearTimeout(idle);
      caseload.close();
      try {
        flushAnchor(options.dataDir);
      } catch (error) {
        (options.log ?? console.error)(error);
      }
    },
  };
}
