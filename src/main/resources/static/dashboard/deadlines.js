// Overdue and due-this-week clocks, from GET /api/deadlines?dueWithinDays=7: overdue first, then the
// soonest due; each with the student, the clock, the due date, the days left, the next step and who
// holds it (a link to the task in Tasklist).

import { get } from './api.js';
import { STATUS, days, el, formatDate, roleName } from './format.js';

export const DUE_WITHIN_DAYS = 7;

/** Loads the clocks and fills the table; answers the rows, for the tiles. */
export async function loadDeadlines({ school }, onOpenCase) {
  const status = document.getElementById('deadlines-status');
  status.textContent = 'Loading…';
  const answer = await get('deadlines', { dueWithinDays: DUE_WITHIN_DAYS, school, size: 500 });
  const rows = [...answer.content].sort(byUrgency);
  const overdue = rows.filter(isOverdue);
  const soon = rows.filter((row) => !isOverdue(row));

  fill(document.getElementById('deadlines-overdue'), 'Overdue', overdue, onOpenCase);
  fill(document.getElementById('deadlines-soon'), `Due in the next ${DUE_WITHIN_DAYS} days`, soon, onOpenCase);
  status.textContent =
    rows.length === 0
      ? `Nothing overdue and nothing due in the next ${DUE_WITHIN_DAYS} days.`
      : answer.totalElements > rows.length
        ? `The ${rows.length} most urgent of ${answer.totalElements} clocks.`
        : '';
  document.getElementById('deadlines-table').hidden = rows.length === 0;
  return { overdue: overdue.length, soon: soon.length };
}

export function clearDeadlines() {
  document.getElementById('deadlines-overdue').replaceChildren();
  document.getElementById('deadlines-soon').replaceChildren();
}

const isOverdue = (row) => row.status === 'OVERDUE' || (row.daysLeft !== null && row.daysLeft < 0);

function byUrgency(a, b) {
  return (
    Number(isOverdue(b)) - Number(isOverdue(a)) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    (a.studentName ?? '').localeCompare(b.studentName ?? '')
  );
}

function fill(tbody, heading, rows, onOpenCase) {
  tbody.replaceChildren();
  if (rows.length === 0) {
    return;
  }
  tbody.append(
    el('tr', { className: 'group-row' }, el('th', { scope: 'rowgroup', colspan: 7 }, `${heading} (${rows.length})`)),
  );
  for (const row of rows) {
    tbody.append(deadlineRow(row, onOpenCase));
  }
}

function deadlineRow(row, onOpenCase) {
  const late = isOverdue(row);
  const tr = el(
    'tr',
    { className: late ? 'late' : 'soon', 'data-case-id': row.caseId, 'data-clock-id': row.clockId },
    el('td', {}, badge(row, late)),
    el(
      'td',
      {},
      el('span', { className: 'student' }, row.studentName),
      el('span', { className: 'sub' }, `${row.studentLocalId} · ${row.schoolName}`),
    ),
    el('td', {}, row.clockLabel, el('span', { className: 'sub basis', title: row.legalBasis ?? '' }, row.legalBasis)),
    el('td', { className: 'nowrap' }, formatDate(row.dueDate)),
    el('td', { className: 'nowrap days-left' }, daysLeft(row)),
    el('td', {}, ...nextSteps(row)),
    el(
      'td',
      {},
      el(
        'button',
        {
          type: 'button',
          className: 'small',
          'aria-label': `Show the timeline of ${row.studentName}'s case`,
          onclick: () => onOpenCase(row.caseId),
        },
        'Timeline',
      ),
    ),
  );
  // a click anywhere on the row (but a link) opens the case's timeline too
  tr.addEventListener('click', (event) => {
    if (!event.target.closest('a, button')) {
      onOpenCase(row.caseId);
    }
  });
  return tr;
}

function badge(row, late) {
  const text = late ? 'Overdue' : row.daysLeft === 0 ? 'Due today' : STATUS[row.status] === 'Running' ? 'Due soon' : STATUS[row.status] ?? row.status;
  return el('span', { className: `badge ${late ? 'badge-late' : 'badge-soon'}` }, text);
}

function daysLeft(row) {
  if (row.daysLeft === null || row.daysLeft === undefined) {
    return row.dueUnknownReason ?? '—';
  }
  const unit = /school day/i.test(row.rule ?? '') ? ' school' : /business day/i.test(row.rule ?? '') ? ' business' : '';
  if (row.daysLeft < 0) {
    return `${days(-row.daysLeft).replace(' day', `${unit} day`)} late`;
  }
  if (row.daysLeft === 0) {
    return 'today';
  }
  return days(row.daysLeft).replace(' day', `${unit} day`);
}

/** Each open task: a link that opens it in Tasklist, and who holds it or the roles it is offered to. */
function nextSteps(row) {
  if (!row.nextStep || row.nextStep.length === 0) {
    return [el('span', { className: 'sub' }, 'no open task')];
  }
  return row.nextStep.map((step) =>
    el(
      'div',
      { className: 'task' },
      step.tasklistUrl
        ? el(
            'a',
            {
              href: new URL(step.tasklistUrl, document.baseURI).href,
              target: '_blank',
              rel: 'noopener',
              title: 'Open the task in Tasklist',
            },
            step.name,
          )
        : step.name,
      ' ',
      step.assignee
        ? el('span', { className: 'holder' }, `held by ${step.assignee}`)
        : el('span', { className: 'holder' }, `offered to ${(step.candidateGroups ?? []).map(roleName).join(', ') || 'nobody yet'}`),
    ),
  );
}
