export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A share with its 95% Wilson interval: "0.9680 (95% 0.9618–0.9732)". */
export function share(hits, n) {
  const z = 1.96;
  const p = hits / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return `${p.toFixed(4)} (95% ${(centre - half).toFixed(4)}–${(centre + half).toFixed(4)})`;
}
