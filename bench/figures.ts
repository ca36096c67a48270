import type { Stats } from './stats';

/** What a figure is held to: a budget on its p95 or its value, or none (reported beside one). */
export type Judgement =
  { judged: 'p95' | 'value'; budget: number } | { judged: 'reported'; budget?: undefined };

/** What a figure is, before it is measured. */
export type FigureSpec = {
  id: string;
  label: string;
  unit: 'ms' | 'KB' | 'MB' | 's' | 'bytes';
  note?: string;
} & Judgement;

/** One row of the report: a measured figure, its budget, and whether it held. */
export type Figure = FigureSpec & {
  stats?: Stats;
  value?: number;
  /** null when the figure could not be measured (see note), or has no budget. */
  pass: boolean | null;
  /** The machine's 1-minute load average when the figure was taken: a noisy run shows itself. */
  load?: number;
};

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
  machine: {
    cpus: number;
    chromium: string;
    node: string;
    /** os.loadavg() (1, 5, 15 minutes) when the main data set started and ended. */
    loadStart?: number[];
    loadEnd?: number[];
  };
  data: { contacts: number; touches: number };
  repetitions: number;
  figures: Figure[];
  scaling: ScalingRow[];
}

export function judge(
  base: FigureSpec,
  measured: { stats?: Stats; value?: number; note?: string },
): Figure {
  const number = base.judged === 'p95' ? measured.stats?.p95 : measured.value;
  return {
    ...base,
    ...measured,
    ...(base.note && measured.note ? { note: `${base.note}; ${measured.note}` } : {}),
    pass: base.judged === 'reported' || number === undefined ? null : number <= base.budget,
  };
}
