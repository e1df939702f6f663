// A case's timeline as a picture (GET /api/cases/{id}/timeline): a bar per step along the calendar,
// Gantt-like, a row per clock from its start to when it stopped (or today) with a marker on its due
// date, late in red. A Chart.js floating horizontal bar chart with a scatter series for the markers.

import { get } from './api.js';
import { COLORS, todayLine } from './charts.js';
import { REASONS, STATUS, dayLabel, dayNumber, days, el, formatDate, isoOf, stepName, todayNumber } from './format.js';

const { Chart } = globalThis;
const HORIZON_DAYS = 45;
let chart;
// "today" is the district's date, in its time zone, as for every clock (school id → IANA zone)
const zoneOfSchool = new Map();
let today = todayNumber();

export function setSchoolZones(zones) {
  zoneOfSchool.clear();
  zones.forEach((zone, school) => zoneOfSchool.set(school, zone));
}

export async function showTimeline(caseId) {
  const status = document.getElementById('timeline-status');
  const body = document.getElementById('timeline-body');
  document.getElementById('case-id').value = caseId;
  status.textContent = 'Loading the timeline…';
  let timeline;
  try {
    timeline = await get(`cases/${encodeURIComponent(caseId)}/timeline`);
  } catch (error) {
    body.hidden = true;
    status.textContent = error.message;
    throw error;
  }
  today = todayNumber(zoneOfSchool.get(timeline.school?.id));
  const rows = chartRows(timeline);
  document.getElementById('timeline-who').replaceChildren(
    el('span', { className: 'student' }, timeline.student?.name ?? ''),
    ` ${timeline.student?.localId ?? ''} · ${timeline.school?.name ?? ''} · case `,
    el('code', {}, timeline.caseId ?? caseId),
  );
  status.textContent =
    rows.length === 0 ? 'This case has no finished step and no clock yet.' : '';
  body.hidden = false;
  draw(rows);
  fillTables(timeline);
}

export function clearTimeline() {
  chart?.destroy();
  chart = undefined;
  document.getElementById('timeline-body').hidden = true;
  document.getElementById('timeline-who').replaceChildren();
  for (const id of ['timeline-steps', 'timeline-clocks', 'timeline-milestones']) {
    document.getElementById(id).replaceChildren();
  }
  document.getElementById('timeline-status').textContent = 'Choose a row above, or enter a case id.';
}

/** Met late, overdue, or still running past its due date. */
const isLate = (clock) =>
  clock.status === 'OVERDUE' ||
  clock.status === 'MET_LATE' ||
  (clock.daysLate ?? 0) > 0 ||
  (!clock.stoppedOn && clock.dueDate && clock.status !== 'CANCELLED' && dayNumber(clock.dueDate) < today);

/** Days late as the API says, or so far for a clock still running past its due date. */
function daysLate(clock) {
  if (clock.daysLate) {
    return clock.daysLate;
  }
  const running = !clock.stoppedOn && clock.dueDate && clock.status !== 'CANCELLED';
  const late = running ? today - dayNumber(clock.dueDate) : 0;
  return late > 0 ? late : null;
}

/** One row per step (the whole span last), then one per clock. */
function chartRows(timeline) {
  const steps = [...(timeline.steps ?? [])].filter((step) => step.from);
  steps.sort((a, b) => Number(a.step === 'REFERRAL_TO_PLAN_IN_EFFECT') - Number(b.step === 'REFERRAL_TO_PLAN_IN_EFFECT'));
  const rows = steps.map((step) => {
    const open = !step.to;
    const from = dayNumber(step.from);
    const to = open ? today : dayNumber(step.to);
    const whole = step.step === 'REFERRAL_TO_PLAN_IN_EFFECT';
    return {
      label: stepName(step.step),
      bar: [from, Math.max(to, from + 0.4)],
      color: open ? COLORS.open : whole ? COLORS.whole : COLORS.step,
      tip: open
        ? `${stepName(step.step)}: since ${formatDate(step.from)}, not finished`
        : `${stepName(step.step)}: ${formatDate(step.from)} – ${formatDate(step.to)}, ${days(step.calendarDays ?? to - from)}` +
          (step.schoolDays !== null && step.schoolDays !== undefined ? ` (${step.schoolDays} school days)` : ''),
    };
  });
  for (const clock of timeline.clocks ?? []) {
    if (!clock.startDate) {
      continue;
    }
    const late = isLate(clock);
    // a clock counted back from its start (the meeting notice, before the meeting) spans from its stop
    const start = dayNumber(clock.startDate);
    const end = clock.stoppedOn ? dayNumber(clock.stoppedOn) : today;
    const from = Math.min(start, end);
    const to = Math.max(start, end);
    const lateBy = daysLate(clock);
    const suffix = late
      ? lateBy
        ? ` — ${days(lateBy)} late`
        : ' — late'
      : clock.status === 'MET' && clock.daysEarly !== null && clock.daysEarly !== undefined
        ? ' — met on time'
        : clock.status === 'RUNNING' || clock.status === 'PAUSED'
          ? ` — ${STATUS[clock.status].toLowerCase()}`
          : '';
    rows.push({
      label: `Clock: ${clock.label ?? clock.kind}${suffix}`,
      bar: [from, Math.max(to, from + 0.4)],
      color: late ? COLORS.lateBar : clock.stoppedOn ? COLORS.clock : COLORS.running,
      due: clock.dueDate ? dayNumber(clock.dueDate) : null,
      late,
      tip:
        `${clock.label ?? clock.kind}: started ${formatDate(clock.startDate)}, due ${formatDate(clock.dueDate)}` +
        (clock.stoppedOn ? `, stopped ${formatDate(clock.stoppedOn)}` : '') +
        `; ${STATUS[clock.status] ?? clock.status}` +
        (clock.reasonCode ? ` (${REASONS[clock.reasonCode] ?? clock.reasonCode})` : ''),
    });
  }
  return rows;
}

function draw(rows) {
  chart?.destroy();
  const box = document.getElementById('timeline-box');
  box.style.height = `${Math.max(140, rows.length * 34 + 56)}px`;
  // the axis spans the bars and the due dates of the next months; a due date a year or three away (a
  // review, a reevaluation) is said in its row's label instead of squeezing the rest to a sliver
  const barEnd = Math.max(...rows.map((row) => row.bar[1]), today);
  const min = Math.min(...rows.map((row) => row.bar[0]), today) - 3;
  const max = Math.max(barEnd, ...rows.map((row) => row.due ?? 0).filter((due) => due <= barEnd + HORIZON_DAYS)) + 5;
  for (const row of rows) {
    if (row.due && row.due > max) {
      row.label = `${row.label.replace(/ — running$/, '')} — due ${formatDate(isoOf(row.due))}`;
    }
  }
  const markers = rows
    .filter((row) => row.due && row.due <= max)
    .map((row) => ({ x: row.due, y: row.label, late: row.late, tip: `Due ${dayLabel(row.due)}` }));

  chart = new Chart(document.getElementById('timeline-chart'), {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: [
        {
          label: 'Steps and clocks',
          data: rows.map((row) => row.bar),
          backgroundColor: rows.map((row) => row.color),
          borderRadius: 4,
          borderSkipped: false,
          barPercentage: 0.72,
          categoryPercentage: 0.9,
          grouped: false,
        },
        {
          type: 'scatter',
          label: 'Due date',
          order: -1, // on top of the bars
          data: markers,
          pointStyle: 'triangle',
          rotation: 180,
          radius: 8,
          hoverRadius: 10,
          borderWidth: 2,
          borderColor: '#ffffff',
          backgroundColor: markers.map((marker) => (marker.late ? COLORS.late : COLORS.due)),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          type: 'linear',
          min,
          max,
          position: 'top',
          ticks: { callback: (value) => dayLabel(value), maxTicksLimit: 10 },
          grid: { color: '#e5e7eb' },
        },
        y: { grid: { display: false }, ticks: { color: '#1f2937', font: { size: 12 } } },
      },
      plugins: {
        legend: { display: false },
        todayLine: { day: today },
        tooltip: {
          callbacks: {
            title: () => '',
            label: (context) => (context.datasetIndex === 0 ? rows[context.dataIndex].tip : context.raw.tip),
          },
        },
      },
    },
    plugins: [todayLine],
  });
}

function fillTables(timeline) {
  document.getElementById('timeline-steps').replaceChildren(
    ...(timeline.steps ?? []).map((step) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, stepName(step.step)),
        el('td', {}, formatDate(step.from)),
        el('td', {}, step.to ? formatDate(step.to) : 'not yet'),
        el('td', {}, step.calendarDays ?? '—'),
        el('td', {}, step.schoolDays ?? '—'),
      ),
    ),
  );
  document.getElementById('timeline-clocks').replaceChildren(
    ...(timeline.clocks ?? []).map((clock) =>
      el(
        'tr',
        { className: isLate(clock) ? 'late' : '' },
        el('th', { scope: 'row' }, clock.label ?? clock.kind),
        el('td', {}, formatDate(clock.startDate)),
        el('td', {}, formatDate(clock.dueDate)),
        el('td', {}, clock.stoppedOn ? formatDate(clock.stoppedOn) : '—'),
        el('td', {}, STATUS[clock.status] ?? clock.status),
        el(
          'td',
          {},
          daysLate(clock)
            ? `${days(daysLate(clock))} late`
            : clock.daysEarly !== null && clock.daysEarly !== undefined
              ? `${days(clock.daysEarly)} early`
              : '—',
        ),
        el('td', {}, clock.reasonCode ? REASONS[clock.reasonCode] ?? clock.reasonCode : '—'),
      ),
    ),
  );
  document.getElementById('timeline-milestones').replaceChildren(
    ...(timeline.milestones ?? []).map((milestone) =>
      el(
        'tr',
        {},
        el('td', { className: 'nowrap' }, formatDate(milestone.date)),
        el('td', {}, milestone.description ?? milestone.kind),
        el('td', {}, milestone.actor ?? '—'),
        el('td', {}, milestone.calendarDaysSincePrevious ?? '—'),
      ),
    ),
  );
}
