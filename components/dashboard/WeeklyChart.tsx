import { format } from 'date-fns';
import type { WeekStats } from '@/lib/metrics';

const W = 720;
const H = 240;
const PAD = { top: 16, right: 12, bottom: 36, left: 40 };
const SERIES = [
  { key: 'negative', label: 'Negative' },
  { key: 'neutral', label: 'Neutral' },
  { key: 'positive', label: 'Positive' },
] as const;

const weekLabel = (w: WeekStats) => format(w.start, 'MMM d');

/** Stacked touches per week by outcome, good news as dots; a data table says the same in text. */
export function WeeklyChart({ weeks }: { weeks: WeekStats[] }) {
  const totals = weeks.map((w) => w.positive + w.neutral + w.negative);
  const max = Math.max(1, ...totals, ...weeks.map((w) => w.goodNews));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / weeks.length;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const sum = totals.reduce((a, b) => a + b, 0);
  const goodNews = weeks.reduce((a, w) => a + w.goodNews, 0);
  const summary = `Touches per week over the last ${weeks.length} weeks, by outcome: ${sum} touches in all, ${goodNews} with good news. Busiest week: ${weekLabel(
    weeks[totals.indexOf(Math.max(...totals))]!,
  )} with ${Math.max(...totals)}. The table below lists every week.`;

  return (
    <figure className="li-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {/* The middle line is labelled only on a whole number: a max of 1 read "0, 1, 1". */}
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(max * f)}
              y2={y(max * f)}
              className="li-grid"
            />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="li-axis">
              {Number.isInteger(max * f) ? max * f : ''}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          let base = 0;
          const x = PAD.left + i * band + band * 0.15;
          return (
            <g key={w.start}>
              {SERIES.map((s) => {
                const v = w[s.key];
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    width={band * 0.7}
                    y={y(base + v)}
                    height={y(base) - y(base + v)}
                    className={`li-series-${s.key}`}
                  />
                );
                base += v;
                return rect;
              })}
              {w.goodNews > 0 && (
                <circle cx={x + band * 0.35} cy={y(w.goodNews)} r={4} className="li-dot" />
              )}
              <text
                x={x + band * 0.35}
                y={H - PAD.bottom + 16}
                textAnchor="middle"
                className="li-axis"
              >
                {weekLabel(w)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="li-legend">
        {SERIES.map((s) => (
          <span key={s.key}>
            <span className={`li-swatch li-series-${s.key}`} /> {s.label}
          </span>
        ))}
        <span>
          <span className="li-swatch li-swatch-dot" /> Good news
        </span>
      </figcaption>
      <table className="li-sr">
        <caption>Touches per week by outcome</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Positive</th>
            <th scope="col">Neutral</th>
            <th scope="col">Negative</th>
            <th scope="col">Good news</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start}>
              <th scope="row">{format(w.start, 'yyyy-MM-dd')}</th>
              <td>{w.positive}</td>
              <td>{w.neutral}</td>
              <td>{w.negative}</td>
              <td>{w.goodNews}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
