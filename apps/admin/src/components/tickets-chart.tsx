import { useMemo } from 'react';
import type uPlot from 'uplot';
import { formatDate } from '../format';
import { barPaths, drawMarker, UPlotChart } from './uplot-chart';

const DAY_S = 86_400;
const seconds = (iso: string) => Date.parse(iso) / 1000;

/**
 * A launch's tickets per UTC day around GA, with early access and GA marked. The bars are
 * whole days; the markers sit at the instants themselves.
 */
export function TicketsChart(props: {
  daily: { day: string; count: number }[];
  gaAt: string;
  earlyAccessAt: string | null;
  launchName: string;
}) {
  const { daily, gaAt, earlyAccessAt } = props;
  const data = useMemo<uPlot.AlignedData>(
    () => [daily.map((d) => seconds(`${d.day}T12:00:00Z`)), daily.map((d) => d.count)],
    [daily],
  );
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 220,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: {
          time: true,
          range: (_u, min, max) => [min - DAY_S / 2, max + DAY_S / 2],
        },
        y: { range: (_u, _min, max) => [0, Math.max(4, max + 1)] },
      },
      axes: [
        {
          values: (_u, splits) => splits.map((s) => new Date(s * 1000).toISOString().slice(5, 10)),
        },
        { label: 'tickets', size: 50 },
      ],
      series: [
        {},
        {
          label: 'Tickets',
          fill: '#1d4ed8',
          // No outline: a day without tickets shows no bar at all.
          width: 0,
          paths: barPaths(0.7),
          points: { show: false },
        },
      ],
      hooks: {
        draw: [
          (plot) => {
            if (earlyAccessAt) drawMarker(plot, seconds(earlyAccessAt), 'Early access', '#0f766e');
            drawMarker(plot, seconds(gaAt), 'GA', '#b91c1c');
          },
        ],
      },
    }),
    [gaAt, earlyAccessAt],
  );
  return (
    <figure className="chart-figure">
      <UPlotChart
        options={options}
        data={data}
        label={`Support tickets per day of ${props.launchName} around GA`}
      />
      <figcaption className="chart-legend">
        <span className="legend-bar" aria-hidden="true" /> tickets per UTC day ·{' '}
        {earlyAccessAt && (
          <>
            <span className="legend-marker legend-early" aria-hidden="true" /> early access{' '}
            {formatDate(earlyAccessAt)} ·{' '}
          </>
        )}
        <span className="legend-marker legend-ga" aria-hidden="true" /> GA {formatDate(gaAt)}
      </figcaption>
    </figure>
  );
}
