// The session log, sized for a phone: a provider picks the day, the student's service, says whether the session
// took place (and if not, why), and saves it (POST /api/cases/{id}/services/{serviceId}/sessions); the page then
// shows the week's sessions of that service and the minutes still owed that week (GET /api/reports/services-owed
// for the week, Monday to Sunday). Students are named by their local id, as the report names them.
// body[data-state] says where the page is (signed-out, loading, ready), for people's tools and the browser test.

import {
  ApiError,
  forget,
  get,
  onSignInForm,
  openSignedIn,
  post,
  viaProvider,
} from './api.js';
import { el, formatDate, isoOf, roleName, todayNumber } from './format.js';
import { weekOf } from './periods.js';

const $ = (id) => document.getElementById(id);

/** Roles that log the sessions of any service; the others log their own role's services. */
const ANY_SERVICE = ['coordinator', 'special-education-teacher', 'camunda-admin'];

const REASONS = {
  STUDENT_ABSENT: 'missed: the student was absent',
  SCHOOL_CLOSED: 'missed: the school was closed',
  PROVIDER_ABSENT: 'missed: the provider was absent',
  OTHER: 'missed: another reason',
};

let me = null;
let zoneOfSchool = new Map();
/** The services of the chosen day's week, by "caseId|serviceId": the report's rows. */
let services = new Map();

function setState(state) {
  document.body.dataset.state = state;
}

function showSignIn(message) {
  setState('signed-out');
  me = null;
  $('log').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  $('password').value = '';
  $(message ? 'password' : 'user-id').focus();
}

async function showLog(signedInAs) {
  me = signedInAs;
  $('sign-in').hidden = true;
  $('log').hidden = false;
  $('who').hidden = false;
  const name = [me.firstName, me.lastName].filter(Boolean).join(' ') || me.userId;
  const roles = (me.roles ?? []).map(roleName).join(', ');
  $('who-name').textContent = roles ? `${name} · ${roles}` : name;
  await loadZones(me.schools ?? []);
  if (!$('session-date').value) {
    const first = (me.schools ?? [])[0];
    $('session-date').value = isoOf(todayNumber(first ? zoneOfSchool.get(first.id) : undefined));
  }
  $('session-date').max = $('session-date').value;
  await loadWeek();
}

/** Each school's time zone, its district's: "today" is the district's day. */
async function loadZones(schools) {
  const districts = [...new Set(schools.map((school) => school.districtId))];
  const zones = await Promise.all(
    districts.map((id) => get(`districts/${encodeURIComponent(id)}`).then((district) => district.timeZone, () => null)),
  );
  const zoneOfDistrict = new Map(districts.map((id, i) => [id, zones[i]]));
  zoneOfSchool = new Map(schools.map((school) => [school.id, zoneOfDistrict.get(school.districtId)]));
}

function mayLog(row) {
  const roles = me?.roles ?? [];
  return roles.some((role) => ANY_SERVICE.includes(role)) || roles.includes(row.providerRole);
}

/** The services in effect in the chosen day's week at the user's schools, and the week's figures. */
async function loadWeek() {
  setState('loading');
  const day = $('session-date').value;
  const select = $('session-service');
  const chosen = select.value;
  if (!day) {
    $('week-status').textContent = 'Choose the day of the session.';
    setState('ready');
    return;
  }
  const week = weekOf(day);
  $('week-title').textContent = `The week of ${formatDate(week.from)}`;
  $('week-status').textContent = 'Loading…';
  const answers = await Promise.allSettled(
    (me.schools ?? []).map((school) =>
      get('reports/services-owed', { school: school.id, from: week.from, to: week.to, weeks: false }).then((report) => ({
        school,
        report,
      })),
    ),
  );
  const refused = answers.find((answer) => answer.status === 'rejected');
  if (refused && refused.reason instanceof ApiError && refused.reason.status === 401) {
    signOut(refused.reason.message);
    return;
  }
  services = new Map();
  for (const answer of answers) {
    if (answer.status !== 'fulfilled') {
      continue;
    }
    for (const row of answer.value.report.rows) {
      if (mayLog(row)) {
        services.set(`${row.caseId}|${row.serviceId}`, { ...row, school: answer.value.school });
      }
    }
  }
  const rows = [...services.entries()].sort(
    ([, a], [, b]) => a.studentLocalId.localeCompare(b.studentLocalId) || a.service.localeCompare(b.service),
  );
  select.replaceChildren(new Option('Choose a student and service', ''));
  for (const [key, row] of rows) {
    select.append(
      new Option(`${row.studentLocalId} · ${row.service}, ${row.minutes} min ${frequencyWord(row.frequency)}`, key),
    );
  }
  if (services.has(chosen)) {
    select.value = chosen;
  }
  await showService();
  if (rows.length === 0) {
    $('week-status').textContent = refused
      ? refused.reason.message
      : 'No service of yours is in effect that week.';
  }
  setState('ready');
}

function frequencyWord(frequency) {
  return { DAILY: 'a day', WEEKLY: 'a week', MONTHLY: 'a month' }[frequency] ?? frequency?.toLowerCase() ?? '';
}

/** The chosen service's week: its figures and the sessions logged. */
async function showService() {
  const row = services.get($('session-service').value);
  $('owed-figures').hidden = !row;
  $('week-sessions').hidden = true;
  $('week-rows').replaceChildren();
  if (!row) {
    $('week-status').textContent = services.size ? 'Choose a student and service to see its week.' : '';
    return;
  }
  if (!$('session-minutes').value || $('session-minutes').dataset.auto === 'true') {
    $('session-minutes').value = row.minutes;
    $('session-minutes').dataset.auto = 'true';
  }
  $('owed-week').textContent = `${row.owed} min`;
  $('prescribed-week').textContent = `${row.prescribed} min`;
  $('delivered-week').textContent = `${row.delivered} min` + (row.madeUp ? ` (${row.madeUp} made up)` : '');
  $('excused-week').textContent = `${row.excused} min`;
  const week = weekOf($('session-date').value);
  let logged = [];
  try {
    logged = (await get(`cases/${encodeURIComponent(row.caseId)}/sessions`)).filter(
      (session) => session.serviceId === row.serviceId && session.date >= week.from && session.date <= week.to,
    );
  } catch (error) {
    $('week-status').textContent = error.message;
    return;
  }
  $('week-status').textContent =
    `${row.studentLocalId} · ${row.service} at ${row.school.name}.` +
    (logged.length ? '' : ' No session logged this week yet.');
  for (const session of logged) {
    $('week-rows').append(
      el(
        'tr',
        { 'data-session-id': session.id },
        el('td', { className: 'nowrap' }, formatDate(session.date)),
        el('td', {}, `${session.minutes} min`),
        el(
          'td',
          {},
          session.status === 'MISSED'
            ? REASONS[session.missedReason] ?? 'missed'
            : session.makeUp
              ? 'delivered, a make-up'
              : 'delivered',
        ),
      ),
    );
  }
  $('week-sessions').hidden = logged.length === 0;
}

function showMissedFields() {
  const missed = $('status-missed').checked;
  $('missed-fields').hidden = !missed;
  $('make-up-field').hidden = missed;
  if (missed) {
    $('session-make-up').checked = false;
  } else {
    $('session-reason').value = '';
  }
}

function formError(message, field) {
  $('session-saved').textContent = '';
  const error = $('session-error');
  error.textContent = message;
  error.hidden = false;
  if (field) {
    $(field).setAttribute('aria-invalid', 'true');
    $(field).focus();
  }
}

async function save(event) {
  event.preventDefault();
  for (const field of document.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
  }
  $('session-error').hidden = true;
  const row = services.get($('session-service').value);
  const minutes = Number($('session-minutes').value);
  const missed = $('status-missed').checked;
  if (!$('session-date').value) {
    return formError('Enter the day of the session.', 'session-date');
  }
  if (!row) {
    return formError('Choose the student and service.', 'session-service');
  }
  if (missed && !$('session-reason').value) {
    return formError('Say why the session was missed.', 'session-reason');
  }
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) {
    return formError('Enter the minutes, a whole number from 1 to 600.', 'session-minutes');
  }
  const body = {
    date: $('session-date').value,
    minutes,
    status: missed ? 'MISSED' : 'DELIVERED',
    missedReason: missed ? $('session-reason').value : null,
    makeUp: !missed && $('session-make-up').checked,
    note: $('session-note').value.trim() || null,
  };
  const button = $('session-save');
  button.disabled = true;
  setState('loading');
  try {
    await post(
      `cases/${encodeURIComponent(row.caseId)}/services/${encodeURIComponent(row.serviceId)}/sessions`,
      body,
    );
    $('session-note').value = '';
    $('session-make-up').checked = false;
    await loadWeek();
    $('session-saved').textContent = `Saved: ${minutes} min on ${formatDate(body.date)} for ${row.studentLocalId}.`;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut(error.message);
      return;
    }
    formError(`Not saved. ${error.message}`);
    setState('ready');
  } finally {
    button.disabled = false;
  }
}

function signOut(message) {
  if (viaProvider() && !message) {
    // the session at the district's provider ends too
    forget();
    window.location.assign('../sso/logout');
    return;
  }
  forget();
  services = new Map();
  $('session-service').replaceChildren();
  $('week-rows').replaceChildren();
  $('owed-figures').hidden = true;
  $('who-name').textContent = '';
  $('session-saved').textContent = '';
  showSignIn(message);
}

onSignInForm(showLog, showSignIn);

$('sign-out').addEventListener('click', () => signOut());
$('session-form').addEventListener('submit', save);
$('session-date').addEventListener('change', () => loadWeek());
$('session-service').addEventListener('change', () => {
  $('session-saved').textContent = '';
  showService();
});
$('session-minutes').addEventListener('input', () => {
  $('session-minutes').dataset.auto = 'false';
});
for (const radio of document.querySelectorAll('input[name=status]')) {
  radio.addEventListener('change', showMissedFields);
}

showMissedFields();
openSignedIn({ show: showLog, showSignIn, setState });
