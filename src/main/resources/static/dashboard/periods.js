// The days a figure of minutes owed covers: the district's reporting period that holds a day (34 CFR
// 300.320(a)(3)(ii): the district names its periods, each ending on a given date), from the day after the
// period before ended, or from 1 July when it is the school year's first; and the week (Monday to Sunday) of a day.

import { get } from './api.js';
import { dayNumber, isoOf } from './format.js';

/** The school year a day belongs to, "2026-2027" (July to June). */
export function schoolYearOf(isoDay) {
  const [year, month] = isoDay.split('-').map(Number);
  const first = month >= 7 ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** {from, to, name}: the reporting period of the district holding the day, up to that day. */
export async function periodHolding(districtId, isoDay) {
  const schoolYear = schoolYearOf(isoDay);
  const yearStart = `${schoolYear.slice(0, 4)}-07-01`;
  let periods = [];
  try {
    const answer = await get(`districts/${encodeURIComponent(districtId)}/reporting-periods/${schoolYear}`);
    periods = [...(answer.periods ?? [])].sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  } catch {
    // no periods we may read: the school year so far
  }
  let from = yearStart;
  for (const period of periods) {
    if (period.endsOn >= isoDay) {
      return { from, to: isoDay, name: period.name };
    }
    from = isoOf(dayNumber(period.endsOn) + 1);
  }
  return { from: periods.length ? from : yearStart, to: isoDay, name: periods.length ? null : 'the school year' };
}

/** {from, to}: Monday to Sunday of the day's week. */
export function weekOf(isoDay) {
  const day = dayNumber(isoDay);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0
  const monday = day - ((day + 3) % 7);
  return { from: isoOf(monday), to: isoOf(monday + 6) };
}
