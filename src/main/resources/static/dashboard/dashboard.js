// The coordinator's dashboard: sign-in, the filters, and the three parts (deadlines, a case's timeline,
// the reports). The page itself holds no data: everything comes from our API once signed in, and
// signing out clears it from the page. body[data-state] says where the page is (signed-out, loading,
// ready), for people's tools and for the browser test.

import { ApiError, forget, get, onSignInForm, openSignedIn, viaProvider } from './api.js';
import { clearDeadlines, loadDeadlines } from './deadlines.js';
import { isoDate, isoOf, roleName, todayNumber } from './format.js';
import { clearOwed, loadOwed } from './owed.js';
import { clearReports, loadReports } from './reports.js';
import { clearTimeline, setSchoolZones, showTimeline } from './timeline.js';

const $ = (id) => document.getElementById(id);
const schoolNames = new Map();
let mySchools = [];
let zoneOfSchool = new Map();

function setState(state) {
  document.body.dataset.state = state;
}

function showSignIn(message) {
  setState('signed-out');
  $('dashboard').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  $('password').value = '';
  $(message ? 'password' : 'user-id').focus();
}

async function showDashboard(me) {
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('who').hidden = false;
  const name = [me.firstName, me.lastName].filter(Boolean).join(' ') || me.userId;
  const roles = (me.roles ?? []).map(roleName).join(', ');
  $('who-name').textContent = roles ? `${name} · ${roles}` : name;

  const select = $('filter-school');
  select.replaceChildren(select.options[0]);
  schoolNames.clear();
  mySchools = me.schools ?? [];
  for (const school of me.schools ?? []) {
    schoolNames.set(school.id, school.name);
    select.append(new Option(school.name, school.id));
  }
  await loadSchoolZones(me.schools ?? []);
  await refresh();
}

/** Each school's time zone, its district's: the day a clock is late by is the district's day. */
async function loadSchoolZones(schools) {
  const districts = [...new Set(schools.map((school) => school.districtId))];
  const zones = await Promise.all(
    districts.map((id) => get(`districts/${encodeURIComponent(id)}`).then((district) => district.timeZone, () => null)),
  );
  const zoneOfDistrict = new Map(districts.map((id, i) => [id, zones[i]]));
  zoneOfSchool = new Map(schools.map((school) => [school.id, zoneOfDistrict.get(school.districtId)]));
  setSchoolZones(zoneOfSchool);
}

function filters() {
  return {
    school: $('filter-school').value,
    planKind: $('filter-plan').value,
    from: $('filter-from').value,
    to: $('filter-to').value,
  };
}

async function refresh() {
  setState('loading');
  const chosen = filters();
  const shown = chosen.school ? mySchools.filter((school) => school.id === chosen.school) : mySchools;
  const [deadlines, reports, owed] = await Promise.allSettled([
    loadDeadlines(chosen, openCase),
    loadReports(chosen, schoolNames),
    loadOwed(shown, (schoolId) => isoOf(todayNumber(zoneOfSchool.get(schoolId))), openCase),
  ]);
  if ([deadlines, reports, owed].some(signedOut)) {
    return;
  }
  if (owed.status === 'rejected') {
    $('owed-status').textContent = owed.reason.message;
  }
  $('tile-overdue').textContent = deadlines.status === 'fulfilled' ? deadlines.value.overdue : '–';
  $('tile-due').textContent = deadlines.status === 'fulfilled' ? deadlines.value.soon : '–';
  if (deadlines.status === 'rejected') {
    $('deadlines-status').textContent = deadlines.reason.message;
  }
  const timeliness = reports.status === 'fulfilled' ? reports.value : null;
  $('tile-timely').textContent =
    timeliness?.percentWithinTimeline === null || timeliness?.percentWithinTimeline === undefined
      ? '–'
      : `${timeliness.percentWithinTimeline}%`;
  $('tile-late-evaluations').textContent = timeliness ? (timeliness.completedLate ?? 0) + (timeliness.overdue ?? 0) : '–';
  setState('ready');
}

/** A 401 while signed in (the password changed, the user was removed): back to the sign-in form. */
function signedOut(result) {
  if (result.status === 'rejected' && result.reason instanceof ApiError && result.reason.status === 401) {
    signOut(result.reason.message);
    return true;
  }
  return false;
}

async function openCase(caseId) {
  $('timeline').scrollIntoView({ behavior: 'smooth', block: 'start' });
  try {
    await showTimeline(caseId);
  } catch (error) {
    signedOut({ status: 'rejected', reason: error });
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
  clearDeadlines();
  clearTimeline();
  clearReports();
  clearOwed();
  schoolNames.clear();
  mySchools = [];
  $('who-name').textContent = '';
  for (const id of ['tile-overdue', 'tile-due', 'tile-timely', 'tile-late-evaluations']) {
    $(id).textContent = '–';
  }
  showSignIn(message);
}

function defaultPeriod() {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth() - 11, 1);
  $('filter-from').value = isoDate(from);
  $('filter-to').value = isoDate(today);
}

onSignInForm(showDashboard, showSignIn);

$('sign-out').addEventListener('click', () => signOut());

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});

$('timeline-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const caseId = $('case-id').value.trim();
  if (caseId) {
    openCase(caseId);
  }
});

defaultPeriod();
openSignedIn({ show: showDashboard, showSignIn, setState });
