// "Students owed the most minutes": for each school shown, the minutes of IEP services owed this reporting
// period (GET /api/reports/services-owed, a row per service), added up per student, most owed first. The
// students are named as the report names them, by their local id; each opens the case's timeline.

import { get } from './api.js';
import { el, formatDate } from './format.js';
import { periodHolding } from './periods.js';

export const TOP = 5;

/**
 * schools: [{id, name, districtId}] the user may see (or the one chosen); today(schoolId): the district's day.
 * Answers the students listed.
 */
export async function loadOwed(schools, today, onOpenCase) {
  const status = document.getElementById('owed-status');
  const list = document.getElementById('owed-rows');
  status.textContent = 'Loading…';
  list.replaceChildren();
  const periods = new Map();
  const answers = await Promise.all(
    schools.map(async (school) => {
      const day = today(school.id);
      const key = `${school.districtId}|${day}`;
      if (!periods.has(key)) {
        periods.set(key, periodHolding(school.districtId, day));
      }
      const period = await periods.get(key);
      const report = await get('reports/services-owed', { school: school.id, from: period.from, to: period.to, weeks: false });
      return { school, period, report };
    }),
  );
  const students = new Map();
  for (const { school, period, report } of answers) {
    for (const row of report.rows) {
      const student = students.get(row.caseId) ?? {
        caseId: row.caseId,
        localId: row.studentLocalId,
        school,
        period,
        owed: 0,
        services: [],
      };
      student.owed += row.owed;
      if (row.owed > 0) {
        student.services.push(`${row.service} ${row.owed} min`);
      }
      students.set(row.caseId, student);
    }
  }
  const top = [...students.values()]
    .filter((student) => student.owed > 0)
    .sort((a, b) => b.owed - a.owed || a.localId.localeCompare(b.localId))
    .slice(0, TOP);
  const spans = [...new Set(answers.map(({ period }) => `${formatDate(period.from)} to ${formatDate(period.to)}`))];
  document.getElementById('owed-period').textContent =
    spans.length === 1 ? `This reporting period, ${spans[0]}` : 'This reporting period of each school';
  for (const student of top) {
    list.append(owedRow(student, onOpenCase));
  }
  status.textContent = top.length === 0 ? 'No minutes owed this period.' : '';
  document.getElementById('owed-table').hidden = top.length === 0;
  return top;
}

export function clearOwed() {
  document.getElementById('owed-rows').replaceChildren();
  document.getElementById('owed-period').textContent = '';
}

function owedRow(student, onOpenCase) {
  return el(
    'tr',
    { 'data-case-id': student.caseId, 'data-from': student.period.from, 'data-to': student.period.to },
    el(
      'th',
      { scope: 'row' },
      el(
        'button',
        {
          type: 'button',
          className: 'small',
          'aria-label': `Show the timeline of the case of student ${student.localId}`,
          onclick: () => onOpenCase(student.caseId),
        },
        student.localId,
      ),
    ),
    el('td', {}, student.school.name),
    el('td', { className: 'owed-minutes' }, `${student.owed} min`),
    el('td', {}, student.services.join('; ')),
  );
}
