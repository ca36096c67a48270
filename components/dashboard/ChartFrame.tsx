import { format } from 'date-fns';
import type { ReactNode } from 'react';
import { TableHead } from './TableHead';

const W = 720;
const PAD = { top: 16, right: 12, bottom: 36 };

/** Where week `i`'s marks go: its bar's left edge and width, and the value-to-y scale. */
export interface WeekBand {
  x: number;
  width: number;
  centre: number;
  y: (value: number) => number;
}

interface Props {
  height: number;
  /** Room for the value axis's labels. */
  padLeft: number;
  /** The axis top. */
  max: number;
  /** The chart's accessible name: what it shows, in a sentence. */
  summary: string;
  weekStarts: readonly number[];
  /** The value axis's label at 0, half and the top ('' for none). */
  tick: (value: number) => string;
  /** The marks for one week. */
  marks: (i: number, band: WeekBand) => ReactNode;
}

/** The weekly charts' frame: the SVG, its grid with value labels, a band and a date per week. */
export function ChartFrame({ height, padLeft, max, summary, weekStarts, tick, marks }: Props) {
  const plotW = W - padLeft - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const bandW = plotW / weekStarts.length;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  return (
    <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary}>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line
            x1={padLeft}
            x2={W - PAD.right}
            y1={y(max * f)}
            y2={y(max * f)}
            className="li-grid"
          />
          <text x={padLeft - 6} y={y(max * f) + 4} textAnchor="end" className="li-axis">
            {tick(max * f)}
          </text>
        </g>
      ))}
      {weekStarts.map((start, i) => {
        const x = padLeft + i * bandW + bandW * 0.15;
        const band = { x, width: bandW * 0.7, centre: x + bandW * 0.35, y };
        return (
          <g key={start}>
            {marks(i, band)}
            <text
              x={band.centre}
              y={height - PAD.bottom + 16}
              textAnchor="middle"
              className="li-axis"
            >
              {format(start, 'MMM d')}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A weekly chart's figures as a table, for screen readers: a row per week, a column per figure. */
export function WeekTable(props: {
  caption: string;
  columns: readonly string[];
  weekStarts: readonly number[];
  cells: (i: number) => readonly ReactNode[];
}) {
  return (
    <table className="li-sr">
      <caption>{props.caption}</caption>
      <TableHead columns={['Week of', ...props.columns]} />
      <tbody>
        {props.weekStarts.map((start, i) => (
          <tr key={start}>
            <th scope="row">{format(start, 'yyyy-MM-dd')}</th>
            {props.cells(i).map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
