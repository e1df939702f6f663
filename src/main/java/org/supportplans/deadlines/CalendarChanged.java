package org.supportplans.deadlines;

/**
 * A district's calendar of a school year was loaded or replaced. Published by {@link SchoolCalendars#put}
 * inside its transaction, so that synchronous listeners (the clocks moving their due dates) change
 * their records in the same transaction: both are saved, or neither.
 */
record CalendarChanged(String districtId, String schoolYear) {}
