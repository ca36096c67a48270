import { format } from 'date-fns';

const W = 720;
const H = 200;
const PAD = { top: 16, right: 12, bottom: 36, left: 48 };

export interface ReviewSeries {
  /** Caption, also the chart's accessible name's start. */
  title: string;
  /** The column heading for the value in the data table. */
  valueLabel: string;
  weeks: { start: number; value: number | null; detail: string }[];
  /** The axis top; the largest value when absent. */
  max?: number;
  format: (value: number) => string;
}

const weekLabel = (start: number) => format(start, 'MMM d');

/** One figure week by week as bars (a week with nothing to show has none); a data table says the same in text. */
export function ReviewChart({ series }: { series: ReviewSeries }) {
  const { weeks } = series;
  const values = weeks.map((w) => w.value).filter((v): v is number => v !== null);
  const max = Math.max(series.max ?? 0, ...values, 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / weeks.length;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const shown = weeks.filter((w) => w.value !== null);
  const summary =
    shown.length === 0
      ? `${series.title}: nothing to show in these ${weeks.length} weeks.`
      : `${series.title} over ${weeks.length} weeks: ${shown.length} with a value, lowest ${series.format(
          Math.min(...values),
        )}, highest ${series.format(Math.max(...values))}. The table below lists every week.`;

  return (
    <figure className="li-chart li-review-chart">
      <figcaption>{series.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
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
              {series.format(max * f)}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const x = PAD.left + i * band + band * 0.15;
          return (
            <g key={w.start}>
              {w.value !== null && (
                <rect
                  x={x}
                  width={band * 0.7}
                  y={y(w.value)}
                  // A zero still shows as a sliver, so "0 days" differs from "no repairs".
                  height={Math.max(2, y(0) - y(w.value))}
                  className="li-review-bar"
                />
              )}
              <text
                x={x + band * 0.35}
                y={H - PAD.bottom + 16}
                textAnchor="middle"
                className="li-axis"
              >
                {weekLabel(w.start)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="li-sr">
        <caption>{series.title}, week by week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">{series.valueLabel}</th>
            <th scope="col">Based on</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start}>
              <th scope="row">{format(w.start, 'yyyy-MM-dd')}</th>
              <td>{w.value === null ? 'none' : series.format(w.value)}</td>
              <td>{w.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
