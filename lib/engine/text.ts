// Plain-English number formatting for the engine's reason texts (pure, locale-independent).

export function formatUsd(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `$${(n / 1e9).toFixed(abs >= 1e10 ? 1 : 2)}B`;
  if (abs >= 1e6) return `$${(n / 1e6).toFixed(abs >= 1e7 ? 1 : 2)}M`;
  if (abs >= 1e4) return `$${Math.round(n / 1e3)}k`;
  if (abs >= 100) return `$${Math.round(n).toLocaleString("en-US")}`;
  return `$${n.toFixed(2)}`;
}

export function formatTokens(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${+(n / 1e12).toFixed(abs >= 1e13 ? 0 : 1)}T`;
  if (abs >= 1e9) return `${+(n / 1e9).toFixed(abs >= 1e10 ? 0 : 1)}B`;
  if (abs >= 1e6) return `${+(n / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M`;
  if (abs >= 1e3) return `${+(n / 1e3).toFixed(abs >= 1e4 ? 0 : 1)}k`;
  return `${Math.round(n)}`;
}

/** A share (0.125) as a percentage with at most `maxDigits` decimals ("12.5%", "40%"). */
export function formatPct(share: number, maxDigits = 0): string {
  return `${+(share * 100).toFixed(maxDigits)}%`;
}

/** The unit as it reads after this value: singular after exactly 1 ("1 engineer-month", "2 engineer-months"). */
export function unitFor(value: number, unit: string): string {
  return value === 1
    ? unit.replace(/^(engineer-months|months|replicas|GPUs|servers)(?![\w-])/, (w) => w.slice(0, -1))
    : unit;
}
