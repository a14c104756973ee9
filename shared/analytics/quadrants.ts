/**
 * Current × future profitability (DOMAIN.md, Russian source): current profit above its threshold
 * or not, future profit above its threshold or not → Reward, Manage, Develop, Exit.
 */
export const QUADRANTS = ['reward', 'manage', 'develop', 'exit'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
export const NO_QUADRANT = 255;

export interface QuadrantSummary {
  quadrant: Uint8Array;
  cells: Record<Quadrant, { customers: number; profit: number; futureProfit: number }>;
}

export function buildQuadrants(current: Float64Array, future: Float64Array, present: Uint8Array, thresholds: { currentThreshold: number; futureThreshold: number }): QuadrantSummary {
  const quadrant = new Uint8Array(current.length).fill(NO_QUADRANT);
  const cells = Object.fromEntries(QUADRANTS.map((name) => [name, { customers: 0, profit: 0, futureProfit: 0 }])) as QuadrantSummary['cells'];
  for (let c = 0; c < current.length; c++) {
    if (!present[c]) continue;
    const now = (current[c] as number) > thresholds.currentThreshold;
    const later = (future[c] as number) > thresholds.futureThreshold;
    const index = now ? (later ? 0 : 1) : later ? 2 : 3;
    quadrant[c] = index;
    const cell = cells[QUADRANTS[index] as Quadrant];
    cell.customers++;
    cell.profit += current[c] as number;
    cell.futureProfit += future[c] as number;
  }
  return { quadrant, cells };
}
