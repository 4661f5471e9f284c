import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { labelledIndexes, linePath, yPixel, yScale, type DomainEnd, type YScale } from './chartScale';

/**
 * The Progress screen's charts, drawn as plain SVG. They replaced @mantine/charts (recharts 3),
 * whose per-chart store, selectors and dispatches cost about 30 ms of script for each chart drawn
 * (a Chromium trace of scrolling to the four session charts: 114 ms of script against 13 ms of
 * style and layout), on a screen of a dozen or more charts. What these charts need is narrow: a
 * category along x, values up y, lines or stacked bars, a baseline and a shaded band. Each point
 * and bar carries an SVG title, so hovering shows its value; the figure's caption says in words
 * what the chart shows.
 */

export type Row = Record<string, string | number | null>;

interface Series {
  name: string;
  /** A Mantine colour and shade, as 'teal.6'. */
  color: string;
  dashed?: boolean;
}

/** 'teal.6' → the theme's CSS variable, so the colours follow the light or dark scheme (and print light). */
const themeColor = (color: string) => {
  const [name, shade] = color.split('.');
  return shade ? `var(--mantine-color-${name}-${shade})` : `var(--mantine-color-${name})`;
};

const TEXT = 'var(--mantine-color-dimmed)';
const GRID = 'var(--mantine-color-default-border)';
const FONT_SIZE = 12;
const TOP = 10;
/** Below the plot: the x labels. */
const BOTTOM = 26;

/** The box's width in pixels, read before the first paint and again whenever the box is resized. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => {
      const next = element.clientWidth;
      setWidth((previous) => (Math.abs(previous - next) >= 1 ? next : previous));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  y: (v: number) => number;
}

const frameOf = (width: number, height: number, left: number, scale: YScale): Frame => ({
  left,
  right: width - 8,
  top: TOP,
  bottom: height - BOTTOM,
  y: yPixel(scale, TOP, height - BOTTOM),
});

/** About five labels along x: every k-th category, at its place. */
const categoryLabels = (labels: string[], xs: number[]) =>
  labelledIndexes(labels.length).map((i) => ({ x: xs[i]!, text: labels[i]! }));

function Axes({
  frame,
  scale,
  xLabels,
  unit,
  yLabel,
  format,
}: {
  frame: Frame;
  scale: YScale;
  xLabels: Array<{ x: number; text: string }>;
  unit: string;
  yLabel?: string;
  format: (v: number) => string;
}) {
  return (
    <g fontSize={FONT_SIZE} fill={TEXT}>
      {scale.ticks.map((t) => (
        <g key={t}>
          <line x1={frame.left} x2={frame.right} y1={frame.y(t)} y2={frame.y(t)} stroke={GRID} strokeDasharray="5 5" />
          <text
            x={frame.left - 8}
            y={frame.y(t)}
            textAnchor="end"
            dominantBaseline="middle"
            className="pw-chart-y-tick"
          >
            {format(t)}
            {unit}
          </text>
        </g>
      ))}
      {xLabels.map((l) => (
        <text key={l.x} x={l.x} y={frame.bottom + 18} textAnchor="middle" className="pw-chart-x-tick">
          {l.text}
        </text>
      ))}
      {yLabel && (
        <text
          transform={`translate(12 ${(frame.top + frame.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          dominantBaseline="middle"
        >
          {yLabel}
        </text>
      )}
    </g>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <div
      className="pw-chart-legend"
      style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: '4px 16px', marginTop: 6 }}
    >
      {series.map((s) => (
        <span key={s.name} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 14 }}>
          <svg width={18} height={10} aria-hidden="true">
            <line
              x1={1}
              x2={17}
              y1={5}
              y2={5}
              stroke={themeColor(s.color)}
              strokeWidth={s.dashed ? 2 : 8}
              strokeDasharray={s.dashed ? '4 3' : undefined}
              strokeLinecap={s.dashed ? 'butt' : 'round'}
            />
          </svg>
          {s.name}
        </span>
      ))}
    </div>
  );
}

interface ChartProps {
  /** What the chart shows, for a screen reader (the figure's caption says it in words). */
  label: string;
  data: Row[];
  /** The key of each row's x label. */
  x: string;
  series: Series[];
  height?: number;
  domain?: [DomainEnd, DomainEnd];
  /** The places the values are recorded to: no y label is finer (0 for counts and scores). */
  decimals?: number;
  /** About this many y labels. */
  ticks?: number;
  /** After each y label and value, as '%'. */
  unit?: string;
  /** Up the y axis, as 'm'. */
  yLabel?: string;
  /** Room for the y labels. */
  yWidth?: number;
  format?: (v: number) => string;
  legend?: boolean;
}

interface LineProps extends ChartProps {
  /** A dot at each point (when off, each point still shows its value on hover). */
  dots?: boolean;
  dotRadius?: number;
  /** Join across a point with no value; otherwise the line breaks there. */
  connectNulls?: boolean;
  /** A dashed horizontal line with its label, as the baseline. */
  reference?: { y: number; label: string };
  /** A shaded band, as the values within one MCID of the baseline. */
  band?: { from: number; to: number };
  /**
   * Each row's day (days from the first), when x should follow the calendar, so a break in
   * attendance shows as a gap; the axis is then labelled at five evenly spaced days by `dayLabel`.
   */
  days?: number[];
  dayLabel?: (day: number) => string;
  /** With `days`: no line is drawn across more than this many days without a point. */
  breakAfterDays?: number;
}

const plain = (v: number) => String(v);
const valueOf = (row: Row, key: string) => {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

function ChartBox({
  height,
  legend,
  series,
  label,
  children,
}: {
  height: number;
  legend: boolean;
  series: Series[];
  label: string;
  children: (width: number) => ReactNode;
}) {
  const [ref, width] = useWidth();
  return (
    <div ref={ref}>
      <svg
        className="pw-chart"
        role="img"
        aria-label={label}
        width="100%"
        height={height}
        viewBox={width > 0 ? `0 0 ${width} ${height}` : undefined}
        preserveAspectRatio="xMinYMin meet"
        style={{ display: 'block', overflow: 'visible' }}
      >
        {width > 0 && children(width)}
      </svg>
      {legend && <Legend series={series} />}
    </div>
  );
}

/** Lines over categories: one point per row for each series. */
export function LineChart({
  label,
  data,
  x,
  series,
  height = 200,
  domain,
  decimals,
  ticks,
  unit = '',
  yLabel,
  yWidth = 40,
  format = plain,
  legend = false,
  dots = true,
  dotRadius = 4,
  connectNulls = false,
  reference,
  band,
  days,
  dayLabel = String,
  breakAfterDays = Infinity,
}: LineProps) {
  const values = data.flatMap((row) => series.map((s) => valueOf(row, s.name)).filter((v) => v != null));
  const extra = [reference?.y, band?.from, band?.to].filter((v): v is number => v != null);
  const scale = yScale([...values, ...extra], { domain, decimals, count: ticks });
  return (
    <ChartBox height={height} legend={legend} series={series} label={label}>
      {(width) => {
        const left = yWidth + (yLabel ? 20 : 0);
        const frame = frameOf(width, height, left, scale);
        // Room at each end, so the first and last labels are not cut off.
        const inset = data.length > 1 ? 28 : 0;
        const span = frame.right - frame.left - 2 * inset;
        const labels = data.map((row) => String(row[x] ?? ''));
        let xs: number[];
        let xLabels: Array<{ x: number; text: string }>;
        if (days && days.length === data.length && days.length > 1 && days[days.length - 1]! > days[0]!) {
          const [first, last] = [days[0]!, days[days.length - 1]!];
          const at = (day: number) => frame.left + inset + ((day - first) / (last - first)) * span;
          xs = days.map(at);
          xLabels = [0, 1, 2, 3, 4].map((k) => {
            const day = Math.round(first + (k * (last - first)) / 4);
            return { x: at(day), text: dayLabel(day) };
          });
        } else {
          xs = data.map((_, i) =>
            data.length > 1 ? frame.left + inset + (i * span) / (data.length - 1) : (frame.left + frame.right) / 2,
          );
          xLabels = categoryLabels(labels, xs);
        }
        return (
          <>
            {band && (
              <rect
                className="pw-chart-band"
                x={frame.left}
                width={frame.right - frame.left}
                y={frame.y(Math.max(band.from, band.to))}
                height={Math.abs(frame.y(band.from) - frame.y(band.to))}
                fill="var(--mantine-color-blue-5)"
                fillOpacity={0.12}
              />
            )}
            <Axes frame={frame} scale={scale} xLabels={xLabels} unit={unit} yLabel={yLabel} format={format} />
            {reference && (
              <g className="pw-chart-reference">
                <line
                  x1={frame.left}
                  x2={frame.right}
                  y1={frame.y(reference.y)}
                  y2={frame.y(reference.y)}
                  stroke={themeColor('gray.6')}
                  strokeDasharray="6 4"
                />
                <text
                  x={frame.right}
                  y={frame.y(reference.y) - 4}
                  textAnchor="end"
                  fontSize={FONT_SIZE}
                  fill={themeColor('gray.6')}
                >
                  {reference.label}
                </text>
              </g>
            )}
            {series.map((s) => {
              const color = themeColor(s.color);
              const points = data.map((row, i) => ({ i, v: valueOf(row, s.name) }));
              const path = linePath(
                points.map(({ i, v }) => ({ x: xs[i]!, y: v == null ? null : frame.y(v), day: days?.[i] })),
                { connectNulls, breakAfterDays },
              );
              return (
                <g key={s.name} className="pw-chart-series" data-series={s.name}>
                  <path
                    d={path}
                    fill="none"
                    stroke={color}
                    strokeWidth={2}
                    strokeDasharray={s.dashed ? '5 5' : undefined}
                  />
                  {points.map(({ i, v }) =>
                    v == null ? null : (
                      <circle
                        key={i}
                        className={dots ? 'pw-chart-dot' : 'pw-chart-hover'}
                        cx={xs[i]}
                        cy={frame.y(v)}
                        r={dots ? dotRadius : 6}
                        fill={dots ? color : 'transparent'}
                        stroke={dots ? 'var(--mantine-color-body)' : 'none'}
                        strokeWidth={dots ? 2 : 0}
                      >
                        <title>{`${labels[i]}: ${series.length > 1 ? `${s.name} ` : ''}${format(v)}${unit}${yLabel ? ` ${yLabel}` : ''}`}</title>
                      </circle>
                    ),
                  )}
                </g>
              );
            })}
          </>
        );
      }}
    </ChartBox>
  );
}

/** Stacked bars over categories: one bar per row, a segment per series. */
export function StackedBarChart({
  label,
  data,
  x,
  series,
  height = 200,
  decimals = 0,
  unit = '',
  yWidth = 32,
  format = plain,
  legend = false,
}: ChartProps) {
  const totals = data.map((row) => series.reduce((sum, s) => sum + (valueOf(row, s.name) ?? 0), 0));
  const scale = yScale([0, ...totals], { domain: [0, 'auto'], decimals });
  return (
    <ChartBox height={height} legend={legend} series={series} label={label}>
      {(width) => {
        const frame = frameOf(width, height, yWidth, scale);
        const band = (frame.right - frame.left) / Math.max(1, data.length);
        const barWidth = Math.max(1, band * 0.8);
        const xs = data.map((_, i) => frame.left + band * (i + 0.5));
        const labels = data.map((row) => String(row[x] ?? ''));
        return (
          <>
            <Axes frame={frame} scale={scale} xLabels={categoryLabels(labels, xs)} unit={unit} format={format} />
            {data.map((row, i) => {
              let base = 0;
              return (
                <g key={i}>
                  {series.map((s) => {
                    const v = valueOf(row, s.name) ?? 0;
                    if (v <= 0) return null;
                    const top = frame.y(base + v);
                    const height = frame.y(base) - top;
                    base += v;
                    return (
                      <rect
                        key={s.name}
                        className="pw-chart-bar"
                        data-series={s.name}
                        x={xs[i]! - barWidth / 2}
                        y={top}
                        width={barWidth}
                        height={height}
                        fill={themeColor(s.color)}
                      >
                        <title>{`${labels[i]}: ${s.name} ${format(v)}${unit}`}</title>
                      </rect>
                    );
                  })}
                </g>
              );
            })}
          </>
        );
      }}
    </ChartBox>
  );
}
