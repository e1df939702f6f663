// Colours and shared pieces of the charts. The palette is Okabe and Ito's, which people with the
// common colour-vision deficiencies tell apart; "late" is always said in words too, never by colour
// alone.

const { Chart } = globalThis;

export const COLORS = {
  step: '#0072B2',
  whole: '#9db9d3',
  open: '#56B4E9',
  clock: '#009E73',
  running: '#E69F00',
  lateBar: '#dc4c4c',
  late: '#7f1d1d',
  due: '#374151',
  today: '#6b7280',
};

/** One colour per step, the same in every chart. */
export const STEP_COLORS = {
  REFERRAL_TO_CONSENT: '#0072B2',
  CONSENT_TO_ELIGIBILITY: '#E69F00',
  ELIGIBILITY_TO_MEETING: '#009E73',
  MEETING_TO_PLAN_IN_EFFECT: '#CC79A7',
  REFERRAL_TO_PLAN_IN_EFFECT: '#6b7280',
};

export const TIMELINESS_COLORS = { within: '#009E73', late: '#dc4c4c', open: '#cbd5e1' };

/** The per cent's text: green at the state's target of 100%, amber from 90%, red below (dark enough to read). */
export function timelinessColor(percent) {
  if (percent === null || percent === undefined) {
    return '#6b7280';
  }
  return percent >= 100 ? '#00704f' : percent >= 90 ? '#8a5300' : '#b71c1c';
}

Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
Chart.defaults.color = '#374151';
Chart.defaults.plugins.legend.labels.boxWidth = 12;
Chart.defaults.maintainAspectRatio = false;

/** A dashed vertical line at today's date on a chart whose x axis counts days (options.plugins.todayLine.day). */
export const todayLine = {
  id: 'todayLine',
  afterDatasetsDraw(chart, _args, options) {
    const x = chart.scales.x;
    if (options.day === undefined || options.day < x.min || options.day > x.max) {
      return;
    }
    const position = x.getPixelForValue(options.day);
    const { top, bottom } = chart.chartArea;
    const context = chart.ctx;
    context.save();
    context.strokeStyle = COLORS.today;
    context.setLineDash([4, 4]);
    context.lineWidth = 1.5;
    context.beginPath();
    context.moveTo(position, top);
    context.lineTo(position, bottom);
    context.stroke();
    context.fillStyle = COLORS.today;
    context.font = '11px system-ui, sans-serif';
    context.textAlign = 'left';
    context.fillText('today', position + 4, bottom - 4);
    context.restore();
  },
};

/** A label above each stack of a bar chart (options.plugins.barTotals.labels, .colors: one per bar). */
export const barTotals = {
  id: 'barTotals',
  afterDatasetsDraw(chart, _args, options) {
    const labels = options.labels ?? [];
    const last = chart.getSortedVisibleDatasetMetas().at(-1);
    if (!last) {
      return;
    }
    const context = chart.ctx;
    context.save();
    context.font = '600 12px system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'bottom';
    labels.forEach((label, index) => {
      const tops = chart.getSortedVisibleDatasetMetas().map((meta) => meta.data[index]?.y ?? Infinity);
      const bar = last.data[index];
      if (!label || !bar) {
        return;
      }
      context.fillStyle = options.colors?.[index] ?? '#374151';
      context.fillText(label, bar.x, Math.min(...tops) - 3);
    });
    context.restore();
  },
};
