/**
 * Rounds half away from zero at a decimal place. Going through the exponent string avoids the
 * binary error in `x * 10 ** d` (1.005 * 100 is 100.49999…), which would round 1.005 down.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  // Tiny or huge numbers already print in exponent form, where the string trick does not apply.
  const text = String(magnitude);
  const shifted = text.includes('e')
    ? Math.round(magnitude * 10 ** decimals)
    : Math.round(Number(`${text}e${decimals}`));
  const result = sign * (shifted / 10 ** decimals);
  return result === 0 ? 0 : result;
}

/** Plain decimal text with a fixed number of places; no locale grouping, so it reads the same abroad. */
export function formatNumber(value: number, decimals: number): string {
  return roundTo(value, decimals).toFixed(decimals);
}

/** `+45`, `−0.4` (true minus sign, as printed in letters), `0`. */
export function formatSigned(value: number, decimals: number): string {
  const rounded = roundTo(value, decimals);
  if (rounded === 0) return formatNumber(0, decimals);
  const text = formatNumber(Math.abs(rounded), decimals);
  return rounded > 0 ? `+${text}` : `\u2212${text}`;
}
