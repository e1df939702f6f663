package org.supportplans.deadlines;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * The coordinator's deadlines as an iCalendar (RFC 5545) feed that calendar apps subscribe to: an all-day
 * event on each clock's due date and on each planned plan meeting's date (our meetings have a date, no
 * time). Written with ical4j one event at a time, so a long feed is not held in memory twice.
 *
 * <p>The feed leaves our system for the calendar provider's servers, so it names no student: an event
 * shows the student's local id and initials, the school, the clock and its rule, and links to the case,
 * which only signed-in staff can open.
 */
@Component
class DeadlineCalendarFeed {

    static final String PRODID = "-//Support Plans//Deadlines//EN";
    static final String NAME = "Support Plans: deadlines and meetings";
    // METHOD:PUBLISH events carry an organizer (RFC 5546 3.2.1); an address nobody answers (RFC 2606 .invalid)
    static final String ORGANIZER = "mailto:no-reply@support-plans.invalid";
    private static final Duration REFRESH = Duration.ofHours(1);

    private final java.time.Clock time;

    DeadlineCalendarFeed(java.time.Clock time) {
        this.time = time;
    }

    static String clockUid(long clockId) {
        return "clock-" + clockId + "@support-plans";
    }

    static String meetingUid(long meetingId) {
        return "meeting-" + meetingId + "@support-plans";
    }

    /**
     * Writes the calendar: the clocks (each with a known due date) and the meetings, in that order.
     *
     * @param today each district's date, for a clock's status
     * @param baseUrl where staff reach this service, e.g. {@code https://plans.example.org}
     */
    void write(
            List<DeadlineList.ClockRow> clocks,
            List<DeadlineList.MeetingRow> meetings,
            Map<String, LocalDate> today,
            String baseUrl,
            Writer out)
            throws IOException {
        Instant stamp = Instant.now(time).truncatedTo(ChronoUnit.SECONDS);
        // as ical4j's CalendarOutputter writes a calendar, component by component
        FoldingWriter folding = new FoldingWriter(out, FoldingWriter.REDUCED_FOLD_LENGTH);
        folding.write("BEGIN:VCALENDAR\r\n");
        for (Property property : List.of(
                new ProdId(PRODID),
                ImmutableVersion.VERSION_2_0,
                ImmutableCalScale.GREGORIAN,
                ImmutableMethod.PUBLISH,
                new XProperty("X-WR-CALNAME", NAME),
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH),
                new XProperty("X-PUBLISHED-TTL", REFRESH.toString()))) {
            folding.write(property.toString());
        }
        for (DeadlineList.ClockRow clock : clocks) {
            folding.write(clockEvent(clock, clock.statusOn(today.get(clock.districtId())), stamp, baseUrl)
                    .toString());
        }
        for (DeadlineList.MeetingRow meeting : meetings) {
            folding.write(meetingEvent(meeting, stamp, baseUrl).toString());
        }
        folding.write("END:VCALENDAR\r\n");
        folding.flush();
    }

    private static VEvent clockEvent(DeadlineList.ClockRow clock, ClockStatus status, Instant stamp, String baseUrl) {
        String caseUrl = caseUrl(baseUrl, clock.caseId());
        VEvent event = allDay(
                clock.dueDate(),
                "Due: " + clock.kind().label() + " — " + student(clock.localId(), clock.firstName(), clock.lastName()),
                clockUid(clock.clockId()),
                stamp);
        event.add(new Description(
                clock.ruleText() + "\nStatus: " + status + "\nSchool: " + clock.schoolName() + "\nCase: " + caseUrl));
        event.add(new Url(URI.create(caseUrl)));
        event.add(
                status == ClockStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static VEvent meetingEvent(DeadlineList.MeetingRow meeting, Instant stamp, String baseUrl) {
        String caseUrl = caseUrl(baseUrl, meeting.caseId());
        VEvent event = allDay(
                meeting.scheduledOn(),
                "Plan meeting — " + student(meeting.localId(), meeting.firstName(), meeting.lastName()),
                meetingUid(meeting.meetingId()),
                stamp);
        if (meeting.location() != null && !meeting.location().isBlank()) {
            event.add(new Location(meeting.location()));
        }
        event.add(new Description("The meeting that writes the student's plan, with the parents."
                + "\nSchool: " + meeting.schoolName()
                + "\nCase: " + caseUrl));
        event.add(new Url(URI.create(caseUrl)));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    /** An all-day event (DTEND the next day, exclusive), free time: a deadline does not make anyone busy. */
    private static VEvent allDay(LocalDate day, String summary, String uid, Instant stamp) {
        VEvent event = new VEvent(day, day.plusDays(1), summary);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid));
        event.add(new Organizer(new ParameterList(List.of(new Cn("Support Plans"))), URI.create(ORGANIZER)));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    /** The student as the feed may show them: local id and initials, e.g. {@code S-1001 (M.L.)}; never the name. */
    static String student(String localId, String firstName, String lastName) {
        return localId + " (" + initial(firstName) + initial(lastName) + ")";
    }

    private static String initial(String name) {
        String trimmed = name == null ? "" : name.strip();
        return trimmed.isEmpty()
                ? ""
                : new String(Character.toChars(Character.toUpperCase(trimmed.codePointAt(0)))) + ".";
    }

    private static String caseUrl(String baseUrl, String caseId) {
        return baseUrl + "/api/cases/" + caseId;
    }
}
