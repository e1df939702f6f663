// Words and dates as the school says them, and a small helper to build the page's elements. Text from
// the API always goes in as text (textContent), never as markup.

export const STEPS = {
  REFERRAL_TO_CONSENT: 'Referral → consent',
  CONSENT_TO_ELIGIBILITY: 'Consent → eligibility',
  ELIGIBILITY_TO_MEETING: 'Eligibility → plan meeting',
  MEETING_TO_PLAN_IN_EFFECT: 'Meeting → plan in effect',
  REFERRAL_TO_PLAN_IN_EFFECT: 'Referral → plan in effect (whole)',
};

export const STATUS = {
  RUNNING: 'Running',
  PAUSED: 'Paused',
  MET: 'Met',
  MET_LATE: 'Met late',
  OVERDUE: 'Overdue',
  CANCELLED: 'Cancelled',
};

export const REASONS = {
  PARENT_DID_NOT_PRODUCE_CHILD: 'Parents did not produce the child (300.301(d)(1))',
  TRANSFER: 'Transferred to another district (300.301(d)(2))',
  SLD_WRITTEN_EXTENSION: 'Written extension, specific learning disability (300.309(c))',
  SCHOOL_ERROR: "The school's error",
  OTHER: 'Other',
};

export const ROLES = {
  coordinator: 'Coordinator',
  'school-psychologist': 'School psychologist',
  'special-education-teacher': 'Special education teacher',
  'speech-language-pathologist': 'Speech-language pathologist',
  'mental-health': 'Social worker / counselor',
  'ot-pt': 'OT/PT',
  nurse: 'Nurse',
  'general-education-teacher': 'General education teacher',
  'lea-representative': 'LEA representative',
  'vision-hearing-specialist': 'Vision and hearing specialist',
  'section-504-coordinator': 'Section 504 coordinator',
  'gifted-coordinator': 'Gifted coordinator',
  'district-admin': 'District administrator',
};

export const stepName = (step) => STEPS[step] ?? step;
export const roleName = (group) => ROLES[group] ?? group;

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD date as a count of days since 1970-01-01, the unit of the charts' time axes. */
export function dayNumber(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Today as a day number: the district's date when its time zone is given, else the browser's. */
export function todayNumber(timeZone) {
  if (timeZone) {
    try {
      return dayNumber(new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()));
    } catch {
      // an unknown zone: the browser's date
    }
  }
  const now = new Date();
  return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS);
}

export function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A day number back to YYYY-MM-DD. */
export const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const dayLabel = (day) => shortDate.format(new Date(day * DAY_MS));
export const formatDate = (iso) => (iso ? longDate.format(new Date(dayNumber(iso) * DAY_MS)) : '—');

/** "2026-10" as "Oct 2026"; anything else as it is. */
export function monthLabel(group) {
  const match = /^(\d{4})-(\d{2})$/.exec(group ?? '');
  return match ? monthName.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) : group;
}

export function days(count) {
  return count === 1 || count === -1 ? `${count} day` : `${count} days`;
}

/** Builds an element: el('td', {className: 'x'}, 'text', otherElement). */
export function el(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name.startsWith('data-') || name.startsWith('aria-') || name === 'scope' || name === 'colspan') {
      element.setAttribute(name, value);
    } else {
      element[name] = value;
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A table of a chart's figures: one row per label, one column per series. */
export function figuresTable(caption, firstHeader, labels, series) {
  return el(
    'table',
    { className: 'data' },
    el('caption', { className: 'visually-hidden' }, caption),
    el(
      'thead',
      {},
      el('tr', {}, el('th', { scope: 'col' }, firstHeader), ...series.map((s) => el('th', { scope: 'col' }, s.name))),
    ),
    el(
      'tbody',
      {},
      ...labels.map((label, i) =>
        el('tr', {}, el('th', { scope: 'row' }, label), ...series.map((s) => el('td', {}, s.values[i] ?? '—'))),
      ),
    ),
  );
}
