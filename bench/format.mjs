// Formats a bench report (bench/figures.ts BenchReport) as Markdown tables for the terminal
// and the README. Plain JavaScript so scripts/bench.mjs can run it without a TypeScript step.

const round = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function cell(figure, key) {
  if (figure.stats) return round(figure.stats[key]);
  return key === 'median' && figure.value !== undefined ? round(figure.value) : '';
}

function verdict(figure) {
  const measured = Boolean(figure.stats) || figure.value !== undefined;
  if (figure.judged === 'reported') return measured ? 'no budget' : 'not measured';
  if (figure.pass === null) return 'not measured';
  return figure.pass ? 'ok' : 'OVER';
}

function table(header, rows) {
  const lines = [header, header.map(() => '---'), ...rows];
  return lines.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** @param {import('./figures').BenchReport} report */
export function formatReport(report) {
  const head =
    `Last Impression benchmark, ${report.mode} mode: ${report.data.contacts} contacts, ` +
    `${report.data.touches} touches; ${report.repetitions} repetitions after warm-up; ` +
    `${report.machine.cpus} CPUs, ${report.machine.chromium}, Node ${report.machine.node}, ${report.startedAt}.` +
    (report.machine.loadStart
      ? ` Load average (1/5/15 min): ${report.machine.loadStart.join(' / ')} at the start, ${(report.machine.loadEnd ?? []).join(' / ')} at the end.`
      : '');
  const figures = table(
    ['figure', 'median (or value)', 'p95', 'max', 'budget', 'result', 'load (1 min)', 'note'],
    report.figures.map((f) => [
      f.label,
      f.stats || f.value !== undefined ? `${cell(f, 'median')} ${f.unit}` : '',
      f.stats ? `${cell(f, 'p95')} ${f.unit}` : '',
      f.stats ? `${cell(f, 'max')} ${f.unit}` : '',
      f.judged === 'reported' ? '–' : `${f.judged === 'p95' ? 'p95 ' : ''}≤ ${f.budget} ${f.unit}`,
      verdict(f),
      f.load === undefined ? '' : f.load.toFixed(1),
      f.note ?? '',
    ]),
  );
  const s = (x) => (x ? `${round(x.median)} / ${round(x.p95)}` : '–');
  const scaling = table(
    [
      'contacts',
      'touches',
      'thread switch ms (median / p95)',
      'first panel after load ms (median / p95)',
      'nudge list ms (median / p95)',
      'nudges shown',
    ],
    report.scaling.map((r) => [
      String(r.contacts),
      String(r.touches),
      s(r.threadSwitch),
      s(r.firstPanel),
      s(r.nudgeList),
      r.dueNudges === undefined ? '–' : String(r.dueNudges),
    ]),
  );
  return `${head}\n\n${figures}\n\nHow cost grows with the number of contacts:\n\n${scaling}`;
}
