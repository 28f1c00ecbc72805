import { useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { OutcomeReportPageQuery } from '../api/outcome-operations';
import { useQuery } from '../api/use-api';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import { UPlotChart } from '../components/uplot-chart';
import { formatDate } from '../format';
import type { OutcomeReportPageQuery as ReportResult } from '../gql/graphql';

const WINDOWS = [7, 14, 30, 60, 90] as const;
type Cohort = ReportResult['outcomeReport']['cohorts'][number];

const figure = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1);

/** Did the gates pay off? Tickets after GA per cohort: each template, then the baseline. */
export function OutcomesPage() {
  const [windowDays, setWindowDays] = useState<number>(14);
  const query = useQuery(OutcomeReportPageQuery, { windowDays });
  const report = query.data?.outcomeReport;
  const baselines = query.data?.baselineLaunches ?? [];
  return (
    <main className="page">
      <PageTitle>Outcomes</PageTitle>
      <p className="muted">
        Support tickets opened in the first days after GA, per launch: launches through the gates,
        by template, against launches from before them (the baseline).
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-inline">
          <label htmlFor="outcome-window">Window after GA</label>
          <select
            id="outcome-window"
            value={windowDays}
            onChange={(e) => setWindowDays(Number(e.target.value))}
          >
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w} days
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorMessage error={query.error} title="Could not load the report" />
      {query.loading && !report && <Loading label="Loading outcomes…" />}
      {report && report.cohorts.length === 0 && (
        <div className="empty">
          <p>No launch has reached GA yet, and no baseline launch is recorded.</p>
        </div>
      )}
      {report && report.cohorts.length > 0 && (
        <section className="panel" aria-labelledby="cohorts-title">
          <h2 id="cohorts-title">Median tickets in the first {report.windowDays} days after GA</h2>
          <CohortChart cohorts={report.cohorts} windowDays={report.windowDays} />
          <table className="cohort-table">
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col">Launches</th>
                <th scope="col">Median after GA</th>
                <th scope="col">Mean after GA</th>
              </tr>
            </thead>
            <tbody>
              {report.cohorts.map((c) => (
                <tr key={c.name} data-cohort={c.name}>
                  <th scope="row">{c.name}</th>
                  <td>{c.launches}</td>
                  <td>{figure(c.medianTicketsAfter)}</td>
                  <td>{figure(c.meanTicketsAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="help">
            Median and mean count launches whose window is over; a dash: none is yet.
          </p>
        </section>
      )}
      {baselines.length > 0 && (
        <section className="panel" aria-labelledby="baselines-title">
          <h2 id="baselines-title">Baseline launches</h2>
          <ul className="baseline-list">
            {baselines.map((b) => (
              <li key={b.key}>
                {b.name} <code>{b.key}</code> <span className="muted">GA {formatDate(b.gaAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

const COLORS: Record<string, string> = { baseline: '#6b7280' };
const PALETTE = ['#1d4ed8', '#0f766e', '#6d28d9', '#b45309'];

function CohortChart(props: { cohorts: Cohort[]; windowDays: number }) {
  const { cohorts } = props;
  const names = useMemo(() => cohorts.map((c) => c.name), [cohorts]);
  const data = useMemo<uPlot.AlignedData>(
    () => [cohorts.map((_, i) => i), cohorts.map((c) => c.medianTicketsAfter ?? null)],
    [cohorts],
  );
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 240,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, names.length - 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] },
      },
      axes: [
        {
          splits: () => names.map((_, i) => i),
          values: (_u, splits) => splits.map((i) => names[i] ?? ''),
        },
        { label: 'median tickets', size: 50 },
      ],
      series: [
        {},
        // Scales the y axis; the bars themselves are drawn below, one colour per cohort.
        { label: 'Median', paths: () => null, points: { show: false } },
      ],
      hooks: {
        // One colour per cohort, the baseline grey, and the figure over each bar.
        draw: [
          (plot) => {
            const { ctx } = plot;
            const ratio = window.devicePixelRatio || 1;
            ctx.save();
            ctx.font = `${13 * ratio}px system-ui, sans-serif`;
            ctx.textAlign = 'center';
            names.forEach((name, i) => {
              const value = cohorts[i]?.medianTicketsAfter;
              if (value === null || value === undefined) return;
              const x = plot.valToPos(i, 'x', true);
              const y = plot.valToPos(value, 'y', true);
              const base = plot.valToPos(0, 'y', true);
              const half = (plot.bbox.width / names.length) * 0.25;
              ctx.fillStyle = COLORS[name] ?? PALETTE[i % PALETTE.length]!;
              ctx.fillRect(x - half, y, half * 2, base - y);
              ctx.fillStyle = '#1a1d23';
              ctx.fillText(figure(value), x, y - 6 * ratio);
            });
            ctx.restore();
          },
        ],
      },
    }),
    [cohorts, names],
  );
  return (
    <UPlotChart
      options={options}
      data={data}
      label={`Median support tickets in the first ${props.windowDays} days after GA, by cohort: ${cohorts
        .map((c) => `${c.name} ${figure(c.medianTicketsAfter)}`)
        .join(', ')}`}
    />
  );
}
