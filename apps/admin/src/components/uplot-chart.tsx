import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * One uPlot canvas, made on mount and remade when its options or data change; its width
 * follows the container. `label` names it for screen readers, which get a table beside it.
 */
export function UPlotChart(props: {
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { options, data } = props;
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = () => Math.max(element.clientWidth, 280);
    const plot = new uPlot({ ...options, width: width() }, data, element);
    const observer = new ResizeObserver(() =>
      plot.setSize({ width: width(), height: options.height }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [options, data]);
  return <div ref={container} className="chart" role="img" aria-label={props.label} />;
}

/** Bars for a series (uPlot builds the paths). */
export function barPaths(size = 0.6): uPlot.Series.PathBuilder {
  return uPlot.paths.bars!({ size: [size, 48] });
}

/** A vertical marker with a label, drawn over the plot at x value `at`. */
export function drawMarker(plot: uPlot, at: number, label: string, color: string): void {
  const { ctx, bbox } = plot;
  const x = Math.round(plot.valToPos(at, 'x', true));
  if (x < bbox.left || x > bbox.left + bbox.width) return;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2 * ratio;
  ctx.setLineDash([6 * ratio, 4 * ratio]);
  ctx.beginPath();
  ctx.moveTo(x, bbox.top);
  ctx.lineTo(x, bbox.top + bbox.height);
  ctx.stroke();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.fillText(label, x + 4 * ratio, bbox.top + 14 * ratio);
  ctx.restore();
}
