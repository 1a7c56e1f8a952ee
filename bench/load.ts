import { performance } from "node:perf_hooks";

export interface LoadResult {
  label: string;
  clients: number;
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs `clients` closed loops of `task` for `seconds` after a short warm-up; reports rate and latency. */
export async function closedLoop(label: string, clients: number, seconds: number, task: (client: number, i: number) => Promise<void>): Promise<LoadResult> {
  const warmUntil = performance.now() + 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < warmUntil; i += 1) {
        await task(c, -1 - i);
      }
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < end; i += 1) {
        const t0 = performance.now();
        try {
          await task(c, i);
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label,
    clients,
    requests: latencies.length,
    errors,
    seconds: elapsed,
    throughput: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export function formatResult(r: LoadResult): string {
  return `${r.label.padEnd(34)} clients=${String(r.clients).padStart(2)}  ${r.throughput.toFixed(0).padStart(6)}/s  p50=${r.p50.toFixed(2).padStart(6)} ms  p95=${r.p95.toFixed(2).padStart(6)} ms  p99=${r.p99.toFixed(2).padStart(6)} ms  n=${r.requests}${r.errors ? `  errors=${r.errors}` : ""}`;
}
