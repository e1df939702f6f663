// The reports as charts: how long each step takes (GET /api/reports/step-durations) and how many
// initial evaluations finish within the timeline (GET /api/reports/evaluation-timeliness, the state's
// Indicator 11), each by month and by school. Every chart has its figures as a table beside it.

import { get } from './api.js';
import { STEP_COLORS, TIMELINESS_COLORS, barTotals, timelinessColor } from './charts.js';
import { REASONS, STEPS, days, el, figuresTable, formatDate, monthLabel, stepName } from './format.js';

const { Chart } = globalThis;
const charts = new Map();

/** Loads and draws the four charts; answers the overall timeliness, for the tiles. */
export async function loadReports(filters, schoolNames) {
  const query = { school: filters.school, planKind: filters.planKind, from: filters.from, to: filters.to };
  const durations = Promise.all([
    get('reports/step-durations', { ...query, groupBy: 'month' }),
    get('reports/step-durations', { ...query, groupBy: 'school' }),
  ]).then(
    ([byMonth, bySchool]) => {
      status('durations-status', byMonth.rows.length === 0 ? 'No step ended in this period.' : '');
      durationChart('durations-month', byMonth.rows, monthLabel, 'line', 'Month');
      durationChart('durations-school', bySchool.rows, (id) => schoolNames.get(id) ?? id, 'bar', 'School');
    },
    (error) => {
      status('durations-status', error.message);
      throw error;
    },
  );
  const timeliness = Promise.all([
    get('reports/evaluation-timeliness', { ...query, groupBy: 'month' }),
    get('reports/evaluation-timeliness', { ...query, groupBy: 'school' }),
  ]).then(
    ([byMonth, bySchool]) => {
      status('timeliness-status', summary(byMonth));
      timelinessChart('timeliness-month', byMonth, (late) => late.consentOn?.slice(0, 7), monthLabel, 'Month of consent');
      timelinessChart('timeliness-school', bySchool, (late) => late.schoolId, (id) => schoolNames.get(id) ?? id, 'School');
      lateList(byMonth.late ?? [], schoolNames);
      return byMonth;
    },
    (error) => {
      status('timeliness-status', error.message);
      throw error;
    },
  );
  const [, overall] = await Promise.all([durations, timeliness]);
  return overall;
}

export function clearReports() {
  for (const chart of charts.values()) {
    chart.destroy();
  }
  charts.clear();
  document.querySelectorAll('#reports .table-slot').forEach((slot) => slot.replaceChildren());
  document.getElementById('late-rows').replaceChildren();
  document.getElementById('late-list').hidden = true;
}

function status(id, text) {
  document.getElementById(id).textContent = text;
}

function summary(report) {
  if (!report.consentsReceived) {
    return 'No consent to evaluate was received in this period.';
  }
  const excluded = Object.values(report.excluded ?? {}).reduce((sum, count) => sum + count, 0);
  return (
    `${report.consentsReceived} consents received; ${report.countedConsents} counted` +
    (excluded ? ` (${excluded} excluded under 300.301(d) and 300.309(c))` : '') +
    `; ${report.completedWithinTimeline} within the timeline, ${report.completedLate} late, ` +
    `${report.notYetCompleted} not yet completed` +
    (report.overdue ? ` (${report.overdue} of them overdue)` : '') +
    '.'
  );
}

function draw(key, config) {
  charts.get(key)?.destroy();
  charts.set(key, new Chart(document.getElementById(`chart-${key}`), config));
}

function tableSlot(key, table) {
  document.querySelector(`#figure-${key} .table-slot`).replaceChildren(table);
}

/** Median days per step, a series per step; the 90th percentile and the maximum in the tooltip. */
function durationChart(key, rows, groupLabel, type, firstHeader) {
  const groups = [...new Set(rows.map((row) => row.group))].sort();
  const steps = Object.keys(STEPS).filter((step) => rows.some((row) => row.step === step));
  const cell = new Map(rows.map((row) => [`${row.group}|${row.step}`, row]));
  const labels = groups.map(groupLabel);
  const datasets = steps.map((step) => {
    const whole = step === 'REFERRAL_TO_PLAN_IN_EFFECT';
    return {
      label: stepName(step),
      data: groups.map((group) => cell.get(`${group}|${step}`)?.medianDays ?? null),
      rows: groups.map((group) => cell.get(`${group}|${step}`)),
      borderColor: STEP_COLORS[step],
      backgroundColor: STEP_COLORS[step],
      borderDash: whole && type === 'line' ? [6, 4] : undefined,
      borderWidth: type === 'line' ? 2.5 : 0,
      pointRadius: type === 'line' ? 3.5 : undefined,
      spanGaps: true,
      tension: 0.25,
      borderRadius: type === 'bar' ? 3 : undefined,
      maxBarThickness: 28,
    };
  });
  draw(key, {
    type,
    data: { labels, datasets },
    options: {
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: 'median days' }, grid: { color: '#eef0f3' } },
        // a month alone sits in the middle, not on the axis
        x: { grid: { display: false }, offset: true },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (context) => {
              const row = context.dataset.rows[context.dataIndex];
              return row
                ? `${context.dataset.label}: median ${row.medianDays} d, 90th percentile ${row.p90Days} d, longest ${row.maxDays} d (${row.cases} cases)`
                : `${context.dataset.label}: —`;
            },
          },
        },
      },
    },
  });
  tableSlot(
    key,
    figuresTable(
      'Median days (90th percentile, longest) of each step',
      firstHeader,
      labels,
      datasets.map((dataset) => ({
        name: dataset.label,
        values: dataset.rows.map((row) => (row ? `${row.medianDays} (${row.p90Days}, ${row.maxDays}); ${row.cases} cases` : null)),
      })),
    ),
  );
}

/**
 * Per group, the counted consents as a stack: evaluated within the timeline, late, not completed yet;
 * the per cent within the timeline above each bar. The late ones per group come from the report's list
 * of late evaluations (by the month of consent, or the school).
 */
function timelinessChart(key, report, groupOf, groupLabel, firstHeader) {
  const sorted = [...(report.groups ?? [])].sort((a, b) => String(a.group).localeCompare(String(b.group)));
  const labels = sorted.map((group) => groupLabel(group.group));
  const lateCount = new Map();
  for (const late of report.late ?? []) {
    lateCount.set(groupOf(late), (lateCount.get(groupOf(late)) ?? 0) + 1);
  }
  const within = sorted.map((group) => group.completedWithinTimeline);
  const late = sorted.map((group) => lateCount.get(group.group) ?? 0);
  const open = sorted.map((group, i) => Math.max(0, group.countedConsents - within[i] - late[i]));
  const percents = sorted.map((group) => group.percentWithinTimeline ?? null);
  const series = [
    { label: 'Within the timeline', data: within, backgroundColor: TIMELINESS_COLORS.within },
    { label: 'Late', data: late, backgroundColor: TIMELINESS_COLORS.late },
    { label: 'Not completed yet', data: open, backgroundColor: TIMELINESS_COLORS.open },
  ];
  draw(key, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((dataset) => ({ ...dataset, stack: 'counted', maxBarThickness: 44, borderRadius: 2 })),
    },
    options: {
      animation: false,
      layout: { padding: { top: 18 } },
      scales: {
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: 'consents counted' },
          grid: { color: '#eef0f3' },
        },
        x: { stacked: true, grid: { display: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        barTotals: { labels: percents.map((percent) => (percent === null ? '' : `${percent}%`)), colors: percents.map(timelinessColor) },
        tooltip: {
          callbacks: {
            footer: (items) => {
              const group = sorted[items[0].dataIndex];
              return `${group.percentWithinTimeline ?? '—'}% within the timeline; ${group.consentsReceived} consents received, ${group.countedConsents} counted`;
            },
          },
        },
      },
    },
    plugins: [barTotals],
  });
  tableSlot(
    key,
    figuresTable('Evaluations within the timeline', firstHeader, labels, [
      { name: 'Consents received', values: sorted.map((group) => group.consentsReceived) },
      { name: 'Counted', values: sorted.map((group) => group.countedConsents) },
      { name: 'Within the timeline', values: within },
      { name: 'Late', values: late },
      { name: 'Not completed yet', values: open },
      { name: 'Per cent within', values: percents.map((percent) => (percent === null ? null : `${percent}%`)) },
    ]),
  );
}

function lateList(late, schoolNames) {
  const list = document.getElementById('late-list');
  list.hidden = late.length === 0;
  document.getElementById('late-summary').textContent =
    `${late.length} late ${late.length === 1 ? 'evaluation' : 'evaluations'}, and why`;
  document.getElementById('late-rows').replaceChildren(
    ...late.map((row) =>
      el(
        'tr',
        { className: 'late' },
        el('th', { scope: 'row' }, row.studentLocalId),
        el('td', {}, schoolNames.get(row.schoolId) ?? row.schoolId),
        el('td', { className: 'nowrap' }, formatDate(row.consentOn)),
        el('td', { className: 'nowrap' }, formatDate(row.dueOn)),
        el('td', { className: 'nowrap' }, row.completedOn ? formatDate(row.completedOn) : 'not yet'),
        el('td', {}, row.daysLate === null || row.daysLate === undefined ? '—' : `${days(row.daysLate)} late`),
        el('td', {}, row.reasonCode ? `${REASONS[row.reasonCode] ?? row.reasonCode}${row.reasonText ? `: ${row.reasonText}` : ''}` : 'not recorded yet'),
      ),
    ),
  );
}
