/**
 * Work the screen still holds (a draft typed a moment ago) that must reach the caseload before it
 * locks or passes to another clinician: once locked, the main process answers nothing else.
 */
const pending = new Set<() => Promise<unknown> | void>();

export function onHandOver(flush: () => Promise<unknown> | void): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

export async function flushBeforeHandOver(): Promise<void> {
  await Promise.allSettled([...pending].map((flush) => flush()));
}
