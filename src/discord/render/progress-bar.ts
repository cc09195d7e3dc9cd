const FILLED = "█";
const EMPTY = "░";
const DEFAULT_WIDTH = 20;
const MAX_WIDTH = 100;

/** 0..1; NaN and negatives read as 0, anything above 1 as 1. */
export function clampFraction(fraction: number): number {
  if (Number.isNaN(fraction)) return 0;
  return Math.min(1, Math.max(0, fraction));
}

/** A bar of exactly `width` characters (1..100), e.g. `█████░░░░░` for 0.5 at width 10. */
export function progressBar(fraction: number, width: number = DEFAULT_WIDTH): string {
  const cells = Number.isFinite(width)
    ? Math.min(MAX_WIDTH, Math.max(1, Math.floor(width)))
    : DEFAULT_WIDTH;
  // Floor, so the bar is full only when the work is: 99.9 % still shows an empty cell.
  const filled = Math.floor(clampFraction(fraction) * cells);
  return FILLED.repeat(filled) + EMPTY.repeat(cells - filled);
}

/** The bar followed by a whole percentage, e.g. `█████░░░░░ 50%`. */
export function progressLine(fraction: number, width: number = DEFAULT_WIDTH): string {
  return `${progressBar(fraction, width)} ${Math.floor(clampFraction(fraction) * 100)}%`;
}
