import type { ScreenThresholds } from './thresholds';

/**
 * SpO₂ taken during an exercise. Below the hold level the exercise stops (FACTS §3, Cancer Exercise
 * Toolkit: "<88% → stop, including if it falls to this during a session"), so the row cannot be
 * logged as completed: it is modified or skipped, with the reason. Null when there is nothing to say.
 */
export function entrySpo2Problem(
  spo2: number | null | undefined,
  outcome: string | null,
  thresholds: Pick<ScreenThresholds, 'spo2HoldBelow'>,
): string | null {
  const hold = thresholds.spo2HoldBelow;
  if (typeof spo2 !== 'number' || !Number.isFinite(spo2) || spo2 >= hold.value) return null;
  const stop = `SpO₂ ${spo2} % is below ${hold.value} %: stop the exercise and recheck at rest (${hold.source})`;
  return outcome === 'completed' ? `${stop}. Mark it modified or skipped and say why` : null;
}
