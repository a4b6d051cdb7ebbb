import { Canvas as CanvasView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Axis, Canvas, Chart, jsx as f2jsx, Legend, Line, Point } from '@antv/f2';
import type { StatsTrend, TrendBucket } from '@shared/schemas/stats';
import { useEffect, useMemo } from 'react';
import * as a11y from '../../../../utils/a11y';
import { canvasNode } from './canvas';
import styles from './index.module.scss';

// A canvas cannot read the design tokens: these are --zc-primary, --zc-success, --zc-warn, --zc-secondary and --zc-line.
const COLORS = { received: '#1a5fd0', replied: '#137333', rate: '#8a4b00', axis: '#5b6475', grid: '#e3e8f0' };

const label = (b: TrendBucket, interval: StatsTrend['interval']) =>
  interval === 'week' ? `${Number(b.key.slice(5, 7))}/${Number(b.key.slice(8, 10))}` : `${Number(b.key.slice(5, 7))}月`;
/** The table's row names in full: a week by its first day, a month with its year. */
const longLabel = (b: TrendBucket, interval: StatsTrend['interval']) =>
  interval === 'week'
    ? `${Number(b.from.slice(5, 7))}月${Number(b.from.slice(8, 10))}日起`
    : `${b.key.slice(0, 4)}年${Number(b.key.slice(5, 7))}月`;
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

// F2's element factory, called without JSX (this file's JSX is React's); its generic component types do not survive the call.
const jsx = f2jsx as unknown as (type: unknown, props: Record<string, unknown>) => { props: unknown };

let seq = 0;

type Drawn = { destroy: () => void };

async function draw(id: string, chart: (width: number) => unknown, tries = 10): Promise<Drawn | null> {
  let found = await canvasNode(id);
  for (let k = 0; !found && k < tries; k++) {
    await new Promise((r) => setTimeout(r, 50));
    found = await canvasNode(id);
  }
  if (!found) return null;
  const { node, width, height } = found;
  const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 1;
  node.width = width * pixelRatio;
  node.height = height * pixelRatio;
  if (node.style) Object.assign(node.style, { width: `${width}px`, height: `${height}px` });
  const weapp = process.env.TARO_ENV === 'weapp';
  const { props } = jsx(Canvas, {
    context: node.getContext('2d'),
    pixelRatio,
    width,
    height,
    animate: false,
    // The mini-program has no window: frames, images and text measuring come from the canvas node and an offscreen canvas.
    ...(weapp
      ? {
          createImage: node.createImage?.bind(node),
          requestAnimationFrame: node.requestAnimationFrame?.bind(node),
          cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
          offscreenCanvas: Taro.createOffscreenCanvas?.({ type: '2d' }),
        }
      : {}),
    children: chart(width),
  });
  const canvas = new Canvas(props as ConstructorParameters<typeof Canvas>[0]);
  await canvas.render();
  return canvas;
}

// F2 halves these (its sizes are for a 750-wide design): 12 and 13 CSS pixels.
const axisStyle = { label: { fill: COLORS.axis, fontSize: '24px' }, grid: { stroke: COLORS.grid } };

/**
 * Received and replied per week or month, and the share of each one's replies given on time,
 * drawn with F2 on a 2d canvas; the same numbers follow as a table, which is what screen readers read.
 */
export function TrendChart({ trend }: { trend: StatsTrend }) {
  const ids = useMemo(() => {
    seq += 1;
    return { counts: `zc-trend-counts-${seq}`, rate: `zc-trend-rate-${seq}` };
  }, []);
  const rows = trend.buckets.map((b) => ({ ...b, label: label(b, trend.interval) }));

  useEffect(() => {
    let drawn: (Drawn | null)[] = [];
    let gone = false;
    const counts = rows.flatMap((b) => [
      { label: b.label, series: '收到', value: b.received },
      { label: b.label, series: '答复', value: b.replied },
    ]);
    const rates = rows.filter((b) => b.onTimeRate !== null).map((b) => ({ label: b.label, rate: b.onTimeRate }));
    const labels = rows.map((b) => b.label);
    // Whole numbers on the count axis: its top a multiple of 3, with ticks at each third.
    const top = Math.max(3, Math.ceil(Math.max(...counts.map((c) => c.value)) / 3) * 3);
    void Promise.all([
      draw(ids.counts, () =>
        jsx(Chart, {
          data: counts,
          scale: { label: { type: 'cat', values: labels }, value: { min: 0, max: top, nice: false, tickCount: 4 } },
          children: [
            jsx(Legend, { position: 'top', style: { justifyContent: 'flex-start' }, nameStyle: { fill: COLORS.axis, fontSize: '26px' } }),
            jsx(Axis, { field: 'label', style: axisStyle }),
            jsx(Axis, { field: 'value', style: axisStyle }),
            jsx(Line, { x: 'label', y: 'value', color: { field: 'series', range: [COLORS.received, COLORS.replied] } }),
            jsx(Point, { x: 'label', y: 'value', color: { field: 'series', range: [COLORS.received, COLORS.replied] } }),
          ],
        }),
      ),
      rates.length
        ? draw(ids.rate, () =>
            jsx(Chart, {
              data: rates,
              scale: { label: { type: 'cat', values: labels }, rate: { min: 0, max: 1, tickCount: 3 } },
              children: [
                jsx(Axis, { field: 'label', style: axisStyle }),
                jsx(Axis, { field: 'rate', style: axisStyle, formatter: (v: number) => `${Math.round(v * 100)}%` }),
                jsx(Line, { x: 'label', y: 'rate', color: COLORS.rate }),
                jsx(Point, { x: 'label', y: 'rate', color: COLORS.rate }),
              ],
            }),
          )
        : Promise.resolve(null),
    ]).then((d) => {
      if (gone) d.forEach((c) => c?.destroy());
      else drawn = d;
    });
    return () => {
      gone = true;
      drawn.forEach((c) => c?.destroy());
    };
    // rows are derived from trend.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trend, ids]);

  const unit = trend.interval === 'week' ? '周' : '月';
  const total = (k: 'received' | 'replied') => trend.buckets.reduce((n, b) => n + b[k], 0);
  const last = trend.buckets.at(-1);
  const summary = `近 ${trend.buckets.length} ${unit === '周' ? '周' : '个月'}共收到 ${total('received')} 件、答复 ${total('replied')} 件${
    last ? `；最近一${unit === '周' ? '周' : '个月'}收到 ${last.received} 件、答复 ${last.replied} 件、按时率 ${percent(last.onTimeRate)}` : ''
  }`;
  const hasRates = rows.some((b) => b.onTimeRate !== null);

  return (
    <View className="zc-trend-chart">
      <Text className={`${styles.summary} zc-trend-summary`}>{summary}</Text>
      <View {...a11y.hidden()}>
        <Text className={styles.caption}>收到与答复（件）</Text>
        <CanvasView type="2d" id={ids.counts} canvasId={ids.counts} className={`${styles.canvas} zc-trend-canvas`} />
        {hasRates && (
          <>
            <Text className={styles.caption}>按时答复率（该{unit}答复中按时的占比）</Text>
            <CanvasView type="2d" id={ids.rate} canvasId={ids.rate} className={`${styles.canvas} ${styles.rateCanvas} zc-trend-canvas`} />
          </>
        )}
      </View>
      <View className={`${styles.table} zc-trend-table`} {...{ role: 'table', 'aria-label': `按${unit}趋势数据` }}>
        <View className={`${styles.row} ${styles.head}`} {...{ role: 'row' }}>
          {[unit === '周' ? '周' : '月份', '收到', '答复', '按时率'].map((h) => (
            <Text key={h} className={styles.cell} {...{ role: 'columnheader' }}>
              {h}
            </Text>
          ))}
        </View>
        {rows.map((b) => (
          <View key={b.key} className={`${styles.row} zc-trend-row`} data-key={b.key} {...{ role: 'row' }}>
            <Text className={styles.cell} {...{ role: 'rowheader' }}>
              {longLabel(b, trend.interval)}
            </Text>
            <Text className={styles.cell} {...{ role: 'cell' }}>
              {b.received}
            </Text>
            <Text className={styles.cell} {...{ role: 'cell' }}>
              {b.replied}
            </Text>
            <Text className={styles.cell} {...{ role: 'cell' }}>
              {percent(b.onTimeRate)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
