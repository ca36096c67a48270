import type { Stats } from './stats';

/** One row of the report: a measured figure, its budget, and whether it held. */
export interface Figure {
  id: string;
  label: string;
  unit: 'ms' | 'KB' | 'MB' | 's' | 'bytes';
  /** Which number the budget applies to. */
  judged: 'p95' | 'value';
  budget: number;
  stats?: Stats;
  value?: number;
  /** null when the figure could not be measured (see note). */
  pass: boolean | null;
  note?: string;
}

export interface ScalingRow {
  contacts: number;
  touches: number;
  threadSwitch?: Stats;
  firstPanel?: Stats;
  nudgeList?: Stats;
  dueNudges?: number;
  note?: string;
}

export interface BenchReport {
  mode: 'small' | 'full';
  startedAt: string;
  machine: { cpus: number; chromium: string; node: string };
  data: { contacts: number; touches: number };
  repetitions: number;
  figures: Figure[];
  scaling: ScalingRow[];
}

export function judge(
  base: Omit<Figure, 'pass' | 'stats' | 'value'>,
  measured: { stats?: Stats; value?: number; note?: string },
): Figure {
  const number = base.judged === 'p95' ? measured.stats?.p95 : measured.value;
  return {
    ...base,
    ...measured,
    ...(base.note && measured.note ? { note: `${base.note}; ${measured.note}` } : {}),
    pass: number === undefined ? null : number <= base.budget,
  };
}
