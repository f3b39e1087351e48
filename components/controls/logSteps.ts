/**
 * Returns the stops of a log-scale slider over whole numbers in [min, max]: powers of two,
 * three and five times powers of two, and 1, 2 and 5 times powers of ten. Common sizes
 * (32, 40, 64, 100, 256) are exact stops, neighbours differ by at most a factor of two,
 * and both ends are included.
 */
export function logSteps(min: number, max: number): number[] {
  const values = new Set<number>([min, max]);
  for (let power = 1; power <= max; power *= 2) {
    for (const factor of [1, 3, 5]) values.add(factor * power);
  }
  for (let power = 1; power <= max; power *= 10) {
    for (const factor of [1, 2, 5]) values.add(factor * power);
  }
  return [...values].filter((v) => v >= min && v <= max).sort((a, b) => a - b);
}

/** Index of the step nearest to `value` on a log scale (linear when a step is 0). */
export function nearestStepIndex(steps: readonly number[], value: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < steps.length; i++) {
    const distance = steps[i] > 0 && value > 0 ? Math.abs(Math.log(steps[i] / value)) : Math.abs(steps[i] - value);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
