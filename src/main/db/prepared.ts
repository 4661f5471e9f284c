import type { ServiceContext } from '../context';

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * Builds a drizzle query once per open caseload and reuses its prepared statement. Building a
 * query costs more than running it on an indexed table, so hot paths (caseload, Today) prepare
 * each query shape once.
 */
export function prepared<T>(ctx: Pick<ServiceContext, 'db'>, key: string, build: () => T): T {
  let cache = caches.get(ctx.db);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.db, cache);
  }
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    cache.set(key, statement);
  }
  return statement;
}
