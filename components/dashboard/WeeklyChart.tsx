import { format } from 'date-fns';
import { ChartFrame, WeekTable } from './ChartFrame';
import type { WeekStats } from '@/lib/metrics';

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
  const sum = totals.reduce((a, b) => a + b, 0);
  const goodNews = weeks.reduce((a, w) => a + w.goodNews, 0);
  const summary = `Touches per week over the last ${weeks.length} weeks, by outcome: ${sum} touches in all, ${goodNews} with good news. Busiest week: ${weekLabel(
    weeks[totals.indexOf(Math.max(...totals))]!,
  )} with ${Math.max(...totals)}. The table below lists every week.`;

  return (
    <figure className="li-chart">
      <ChartFrame
        height={240}
        padLeft={40}
        max={max}
        summary={summary}
        weekStarts={weeks.map((w) => w.start)}
        // The middle line is labelled only on a whole number: a max of 1 read "0, 1, 1".
        tick={(v) => (Number.isInteger(v) ? String(v) : '')}
        marks={(i, band) => {
          const w = weeks[i]!;
          let base = 0;
          return (
            <>
              {SERIES.map((s) => {
                const v = w[s.key];
                const rect = (
                  <rect
                    key={s.key}
                    x={band.x}
                    width={band.width}
                    y={band.y(base + v)}
                    height={band.y(base) - band.y(base + v)}
                    className={`li-series-${s.key}`}
                  />
                );
                base += v;
                return rect;
              })}
              {w.goodNews > 0 && (
                <circle cx={band.centre} cy={band.y(w.goodNews)} r={4} className="li-dot" />
              )}
            </>
          );
        }}
      />
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
      <WeekTable
        caption="Touches per week by outcome"
        columns={['Positive', 'Neutral', 'Negative', 'Good news']}
        weekStarts={weeks.map((w) => w.start)}
        cells={(i) => {
          const w = weeks[i]!;
          return [w.positive, w.neutral, w.negative, w.goodNews];
        }}
      />
    </figure>
  );
}
