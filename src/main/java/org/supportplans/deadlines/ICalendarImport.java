package org.supportplans.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.Status;

/**
 * Reads the calendar of one school year from an iCalendar file (RFC 5545), as districts publish them.
 *
 * <ul>
 *   <li>An all-day event ({@code DTSTART;VALUE=DATE}) is a day without school, named by its {@code
 *       SUMMARY}; {@code DTEND} is the day after the last (exclusive), without it the event is one day
 *       ({@code DURATION} in days is read too). A recurring one ({@code RRULE}, {@code RDATE}, with its
 *       {@code EXDATE}s and moved or cancelled occurrences) counts every occurrence in the school year.
 *   <li>An event named like "First day of school" (or "of classes", "for students"), all-day or
 *       not, sets the first day, one named like "Last day of school" the last; the earliest first and
 *       the latest last count. Days given to {@link #read} win over the file's.
 *   <li>Not taken, and listed as ignored: events with a time of day (meetings, games), events that
 *       say school is held (early release, late start, half day, early dismissal, minimum day), events
 *       only on a weekend, days before the first or after the last day of school (a break reaching
 *       over either is cut at it). Cancelled events and events outside the school year are left out
 *       silently.
 * </ul>
 */
final class ICalendarImport {

    static final Pattern FIRST_DAY = Pattern.compile(
            "\\bfirst\\s+day\\s+(of\\s+school|of\\s+classes|for\\s+students)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern LAST_DAY = Pattern.compile(
            "\\blast\\s+day\\s+(of\\s+school|of\\s+classes|for\\s+students)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern SCHOOL_HELD = Pattern.compile(
            "\\b(early\\s+release|early\\s+dismissal|late\\s+start|half[\\s-]day|minimum\\s+day)\\b",
            Pattern.CASE_INSENSITIVE);

    static final int MAX_NAME = 200;
    static final String UNNAMED = "No school";

    /** An event of the file that did not become part of the calendar, and why. */
    record Ignored(String summary, LocalDate date, String reason) {}

    /** The calendar read, and what of the file it left out. */
    record Imported(SchoolYearCalendar calendar, List<Ignored> ignored) {}

    /** Days of one event (both ends included). */
    private record Days(LocalDate from, LocalDate to, String summary) {}

    private ICalendarImport() {}

    /**
     * @param firstDay the first day of school, or null to take it from the file
     * @param lastDay the last day of school, or null to take it from the file
     * @throws CalendarRejected when the file cannot be read, or gives no first or last day and none was
     *     given, or the calendar is not a valid one
     */
    static Imported read(String schoolYear, InputStream file, LocalDate firstDay, LocalDate lastDay) {
        int startYear = SchoolCalendarChecks.requireSchoolYear(schoolYear);
        LocalDate yearStart = LocalDate.of(startYear, 7, 1);
        LocalDate yearEnd = LocalDate.of(startYear + 1, 6, 30);
        List<VEvent> events = parse(file).getComponents(Component.VEVENT);

        Map<String, Set<Temporal>> moved = new HashMap<>();
        for (VEvent event : events) {
            dateOf(event, Property.RECURRENCE_ID)
                    .ifPresent(recurrenceId -> moved.computeIfAbsent(uid(event), uid -> new HashSet<>())
                            .add(recurrenceId));
        }

        List<Ignored> ignored = new ArrayList<>();
        Set<Days> noSchool = new LinkedHashSet<>();
        LocalDate firstInFile = null;
        LocalDate lastInFile = null;
        for (VEvent event : events) {
            if (isCancelled(event)) {
                continue;
            }
            Optional<Temporal> start = dateOf(event, Property.DTSTART);
            if (start.isEmpty()) {
                continue;
            }
            String summary = summary(event);
            if (!(start.get() instanceof LocalDate startDay)) {
                LocalDate day = dayOf(start.get());
                if (day.isBefore(yearStart) || day.isAfter(yearEnd)) {
                    continue;
                } else if (FIRST_DAY.matcher(summary).find()) {
                    firstInFile = firstInFile == null || day.isBefore(firstInFile) ? day : firstInFile;
                } else if (LAST_DAY.matcher(summary).find()) {
                    lastInFile = lastInFile == null || day.isAfter(lastInFile) ? day : lastInFile;
                } else {
                    ignored.add(new Ignored(summary, day, "has a time of day: not a day without school"));
                }
                continue;
            }
            long length = lengthInDays(event, startDay);
            for (LocalDate from : occurrences(event, startDay, yearStart, yearEnd, moved)) {
                LocalDate to = from.plusDays(length - 1);
                if (to.isBefore(yearStart) || from.isAfter(yearEnd)) {
                    continue;
                }
                if (FIRST_DAY.matcher(summary).find()) {
                    firstInFile = firstInFile == null || from.isBefore(firstInFile) ? from : firstInFile;
                } else if (LAST_DAY.matcher(summary).find()) {
                    lastInFile = lastInFile == null || to.isAfter(lastInFile) ? to : lastInFile;
                } else if (SCHOOL_HELD.matcher(summary).find()) {
                    ignored.add(new Ignored(summary, from, "school is held that day"));
                } else if (onlyWeekend(from, to)) {
                    ignored.add(new Ignored(summary, from, "on a weekend"));
                } else {
                    noSchool.add(new Days(from, to, summary));
                }
            }
        }

        LocalDate first = firstDay != null ? firstDay : firstInFile;
        LocalDate last = lastDay != null ? lastDay : lastInFile;
        if (first == null || last == null) {
            throw new CalendarRejected("The file has no \"" + (first == null ? "First" : "Last")
                    + " day of school\" event in the school year " + schoolYear + ": give the "
                    + (first == null ? "first" : "last") + " day in the request, e.g. ?"
                    + (first == null ? "firstDay=" + startYear + "-08-17" : "lastDay=" + (startYear + 1) + "-05-27")
                    + ".");
        }
        if (last.isBefore(first)) {
            throw new CalendarRejected("The last day of school (" + last + ") is before the first (" + first + ").");
        }
        SchoolCalendarChecks.requireInYear(schoolYear, first, "The first day of school");
        SchoolCalendarChecks.requireInYear(schoolYear, last, "The last day of school");

        List<SchoolYearCalendar.NoSchool> days = new ArrayList<>();
        for (Days event : noSchool) {
            if (event.to().isBefore(first)) {
                ignored.add(new Ignored(event.summary(), event.from(), "before the first day of school"));
            } else if (event.from().isAfter(last)) {
                ignored.add(new Ignored(event.summary(), event.from(), "after the last day of school"));
            } else {
                LocalDate from = event.from().isBefore(first) ? first : event.from();
                LocalDate to = event.to().isAfter(last) ? last : event.to();
                days.add(new SchoolYearCalendar.NoSchool(from, to, name(event.summary())));
            }
        }
        days.sort(
                Comparator.comparing(SchoolYearCalendar.NoSchool::from).thenComparing(SchoolYearCalendar.NoSchool::to));
        ignored.sort(Comparator.comparing(Ignored::date).thenComparing(Ignored::summary));
        return new Imported(SchoolCalendarChecks.calendar(schoolYear, first, last, days), List.copyOf(ignored));
    }

    private static Calendar parse(InputStream file) {
        CalendarBuilder builder = new CalendarBuilder(
                CalendarParserFactory.getInstance().get(),
                // a property ical4j cannot read (a vendor's odd value) is dropped, not the whole file
                new ContentHandlerContext().withSuppressInvalidProperties(true),
                TimeZoneRegistryFactory.getInstance().createRegistry());
        try {
            return builder.build(new InputStreamReader(file, StandardCharsets.UTF_8));
        } catch (ParserException e) {
            throw new CalendarRejected("The file is not an iCalendar file that can be read (line " + e.getLineNo()
                    + "): " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new CalendarRejected("The file is not an iCalendar file that can be read: " + e.getMessage());
        }
    }

    /** The start days of the event's occurrences in the school year (just its start when not recurring). */
    private static List<LocalDate> occurrences(
            VEvent event, LocalDate start, LocalDate yearStart, LocalDate yearEnd, Map<String, Set<Temporal>> moved) {
        boolean recurring = event.getProperty(Property.RRULE).isPresent()
                || event.getProperty(Property.RDATE).isPresent();
        if (!recurring || event.getProperty(Property.RECURRENCE_ID).isPresent()) {
            return List.of(start);
        }
        Set<Temporal> movedElsewhere = moved.getOrDefault(uid(event), Set.of());
        Set<Period<Temporal>> periods = event.calculateRecurrenceSet(new Period<>(yearStart, yearEnd.plusDays(1)));
        return periods.stream()
                .map(Period::getStart)
                .filter(occurrence -> !movedElsewhere.contains(occurrence))
                .map(ICalendarImport::dayOf)
                .distinct()
                .sorted()
                .toList();
    }

    /** Days the all-day event lasts: DTEND is exclusive (RFC 5545 3.6.1); no DTEND nor DURATION is one day. */
    private static long lengthInDays(VEvent event, LocalDate start) {
        Optional<Temporal> end = dateOf(event, Property.DTEND);
        if (end.isPresent() && end.get() instanceof LocalDate endDay) {
            return Math.max(1, ChronoUnit.DAYS.between(start, endDay));
        }
        Optional<Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            return Math.max(1, ChronoUnit.DAYS.between(start, start.plus(amount)));
        }
        return 1;
    }

    private static Optional<Temporal> dateOf(VEvent event, String property) {
        Optional<DateProperty<Temporal>> date = event.getProperty(property);
        return date.map(DateProperty::getDate);
    }

    private static LocalDate dayOf(Temporal temporal) {
        if (temporal instanceof Instant instant) {
            return instant.atZone(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.from(temporal);
    }

    private static boolean isCancelled(VEvent event) {
        return event.getProperty(Property.STATUS)
                .map(Property::getValue)
                .filter(Status.VALUE_CANCELLED::equalsIgnoreCase)
                .isPresent();
    }

    private static String uid(VEvent event) {
        return event.getProperty(Property.UID).map(Property::getValue).orElse("");
    }

    private static String summary(VEvent event) {
        return event.getProperty(Property.SUMMARY)
                .map(Property::getValue)
                .map(String::strip)
                .orElse("");
    }

    private static String name(String summary) {
        String name = summary.isBlank() ? UNNAMED : summary.replaceAll("\\s+", " ");
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static boolean onlyWeekend(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).allMatch(SchoolYearCalendar::isWeekend);
    }
}
