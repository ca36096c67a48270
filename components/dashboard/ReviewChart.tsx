import { ChartFrame, WeekTable } from './ChartFrame';

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

/** One figure week by week as bars (a week with nothing to show has none); a data table says the same in text. */
export function ReviewChart({ series }: { series: ReviewSeries }) {
  const { weeks } = series;
  const values = weeks.map((w) => w.value).filter((v): v is number => v !== null);
  const max = Math.max(series.max ?? 0, ...values, 1);
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
      <ChartFrame
        height={200}
        padLeft={48}
        max={max}
        summary={summary}
        weekStarts={weeks.map((w) => w.start)}
        tick={series.format}
        marks={(i, band) => {
          const value = weeks[i]!.value;
          return value === null ? null : (
            <rect
              x={band.x}
              width={band.width}
              y={band.y(value)}
              // A zero still shows as a sliver, so "0 days" differs from "no repairs".
              height={Math.max(2, band.y(0) - band.y(value))}
              className="li-review-bar"
            />
          );
        }}
      />
      <WeekTable
        caption={`${series.title}, week by week`}
        columns={[series.valueLabel, 'Based on']}
        weekStarts={weeks.map((w) => w.start)}
        cells={(i) => {
          const w = weeks[i]!;
          return [w.value === null ? 'none' : series.format(w.value), w.detail];
        }}
      />
    </figure>
  );
}
