package org.supportplans.deadlines;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;

/**
 * The clocks' side of the morning deadline sweep (workflow's {@code deadline-sweep} process): which districts'
 * morning has come and were not swept that day (claimed, so that a district is swept once a day, and a day the
 * service was down is swept on the next run), each running clock's warning of the day, the clocks found overdue,
 * and the record of each staff member's digest.
 */
@Service
@Transactional
public class DeadlineSweeps {

    private final DistrictRepository districts;
    private final ClockRepository clocks;
    private final NamedParameterJdbcTemplate jdbc;
    private final java.time.Clock time;
    private final int sweepHour;

    DeadlineSweeps(
            DistrictRepository districts,
            ClockRepository clocks,
            NamedParameterJdbcTemplate jdbc,
            java.time.Clock time,
            @Value("${support-plans.deadlines.sweep-hour:7}") int sweepHour) {
        this.districts = districts;
        this.clocks = clocks;
        this.jdbc = jdbc;
        this.time = time;
        this.sweepHour = sweepHour;
    }

    /** A district's sweep of a day (the district's date). */
    public record DistrictSweep(String districtId, ZoneId timeZone, LocalDate day) {}

    /** What the sweep found on a clock: its first or final warning, or the clock overdue. */
    public enum Finding {
        FIRST_WARNING,
        FINAL_WARNING,
        OVERDUE
    }

    /** A clock in a day's digest. */
    public record SweptClock(ClockState clock, Finding finding) {}

    /**
     * The day to sweep a district on, at {@code now} (the district's time): today when its sweep hour has come and
     * it was not swept today; empty otherwise. A district never swept, or last swept days ago, is swept today: the
     * warnings a day missed reached are given then (see {@link Clock#warn}), the clocks that passed their date
     * found overdue then.
     */
    static Optional<LocalDate> dayToSweep(ZonedDateTime now, int sweepHour, LocalDate lastSwept) {
        LocalDate today = now.toLocalDate();
        if (now.getHour() < sweepHour || (lastSwept != null && !lastSwept.isBefore(today))) {
            return Optional.empty();
        }
        return Optional.of(today);
    }

    /**
     * The districts whose sweep of today is due (their morning has come, not swept today), by id. Nothing is claimed
     * here: each is claimed by {@link #claim} in the transaction that sweeps it.
     */
    @Transactional(readOnly = true)
    public List<DistrictSweep> due() {
        Map<String, LocalDate> lastSwept = new java.util.HashMap<>();
        jdbc.query("select district_id, swept_on from deadline_sweep", row -> {
            lastSwept.put(row.getString("district_id"), row.getObject("swept_on", LocalDate.class));
        });
        List<DistrictSweep> due = new ArrayList<>();
        for (District district : districts.findAll()) {
            ZoneId zone = district.getTimeZone();
            dayToSweep(ZonedDateTime.now(time.withZone(zone)), sweepHour, lastSwept.get(district.getId()))
                    .ifPresent(day -> due.add(new DistrictSweep(district.getId(), zone, day)));
        }
        due.sort(java.util.Comparator.comparing(DistrictSweep::districtId));
        return due;
    }

    /**
     * Claims a district's sweep of its day, recording the day as its last sweep, in the caller's transaction (the
     * one that sweeps the district and records its digests: should it fail, the claim goes with it and the next run
     * sweeps again). False when the day was claimed already (a second run, another node).
     */
    public boolean claim(DistrictSweep sweep) {
        boolean sweptBefore = !jdbc.queryForList(
                        "select swept_on from deadline_sweep where district_id = :district",
                        Map.of("district", sweep.districtId()),
                        LocalDate.class)
                .isEmpty();
        return claim(sweep.districtId(), sweep.day(), sweptBefore);
    }

    private boolean claim(String districtId, LocalDate day, boolean sweptBefore) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("district", districtId)
                .addValue("day", day)
                .addValue("at", Timestamp.from(time.instant()));
        if (sweptBefore) {
            // a sweep that ran meanwhile (a second run, another node) has moved swept_on: nothing to claim
            return jdbc.update(
                            "update deadline_sweep set swept_on = :day, swept_at = :at"
                                    + " where district_id = :district and swept_on < :day",
                            parameters)
                    == 1;
        }
        return jdbc.update(
                        "insert into deadline_sweep (district_id, swept_on, swept_at) values (:district, :day, :at)",
                        parameters)
                == 1;
    }

    /**
     * A district's running clocks on the sweep's day: each warning reached and not yet given (the first, the
     * final), and each clock whose date that counts has passed, marked overdue (a clock not met by the end of its
     * due date is overdue); an overdue clock is listed as such, its warnings counted as given.
     */
    public List<SweptClock> sweep(DistrictSweep sweep) {
        List<SweptClock> found = new ArrayList<>();
        for (Clock clock : clocks.findToSweep(sweep.districtId(), sweep.day())) {
            int warning = clock.warn(sweep.day());
            if (clock.markOverdue(sweep.day())) {
                found.add(new SweptClock(ClockState.of(clock), Finding.OVERDUE));
            } else if (warning > 0) {
                found.add(new SweptClock(
                        ClockState.of(clock), warning == 1 ? Finding.FIRST_WARNING : Finding.FINAL_WARNING));
            }
        }
        return found;
    }

    /**
     * Records the digest a staff member gets from a district's sweep, in the sweep's transaction: what it lists, and
     * whether it is to be mailed ({@code byMail}; it is mailed after that transaction commits, {@link #unsent}). One
     * digest per staff member, district and day: a second sweep of the same day (its record reset by hand) adds to
     * it, and a digest already mailed is not mailed again.
     */
    public void recordDigest(String staffId, DistrictSweep sweep, List<SweptClock> listed, boolean byMail) {
        long overdue = listed.stream()
                .filter(item -> item.finding() == Finding.OVERDUE)
                .count();
        MapSqlParameterSource digest = new MapSqlParameterSource()
                .addValue("staff", staffId)
                .addValue("district", sweep.districtId())
                .addValue("day", sweep.day())
                .addValue("warnings", listed.size() - overdue)
                .addValue("overdue", overdue)
                .addValue("mailed", byMail)
                .addValue("at", Timestamp.from(time.instant()));
        List<Long> existing = jdbc.queryForList(
                "select id from deadline_digest where staff_id = :staff and district_id = :district"
                        + " and digest_on = :day",
                digest,
                Long.class);
        long digestId;
        if (existing.isEmpty()) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    "insert into deadline_digest (staff_id, district_id, digest_on, warnings, overdue, mailed,"
                            + " created_at) values (:staff, :district, :day, :warnings, :overdue, :mailed, :at)",
                    digest,
                    key,
                    new String[] {"id"});
            digestId = key.getKey().longValue();
        } else {
            digestId = existing.get(0);
            jdbc.update(
                    "update deadline_digest set warnings = warnings + :warnings, overdue = overdue + :overdue,"
                            + " mailed = (mailed or :mailed) where id = :id",
                    digest.addValue("id", digestId));
        }
        jdbc.batchUpdate(
                "insert into deadline_digest_item (digest_id, clock_id, what) values (:digest, :clock, :what)",
                listed.stream()
                        .map(item -> new MapSqlParameterSource()
                                .addValue("digest", digestId)
                                .addValue("clock", item.clock().id())
                                .addValue("what", item.finding().name()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    static final int UNSENT_KEPT_DAYS = 7;

    /** A digest recorded to be mailed and not mailed yet: whom to, the district's day and what it lists. */
    public record UnsentDigest(long id, String staffId, DistrictSweep sweep, List<SweptClock> listed) {}

    /**
     * The digests recorded to be mailed that have not been (their sweep committed; the mail not sent yet, or the mail
     * server was down), oldest first, each with what it lists as its clocks stand now. A digest not mailed within
     * {@value #UNSENT_KEPT_DAYS} days (a mail server down for a week, a staff member's address removed) stays
     * recorded, not mailed: the next days' digests and Tasklist have overtaken it.
     */
    @Transactional(readOnly = true)
    public List<UnsentDigest> unsent() {
        List<UnsentDigest> unsent = new ArrayList<>();
        jdbc.query(
                "select d.id, d.staff_id, d.district_id, d.digest_on, t.time_zone from deadline_digest d"
                        + " join district t on t.id = d.district_id"
                        + " where d.mailed = true and d.sent_at is null and d.created_at >= :since order by d.id",
                Map.of("since", Timestamp.from(time.instant().minus(java.time.Duration.ofDays(UNSENT_KEPT_DAYS)))),
                row -> {
                    long id = row.getLong("id");
                    DistrictSweep sweep = new DistrictSweep(
                            row.getString("district_id"),
                            ZoneId.of(row.getString("time_zone")),
                            row.getObject("digest_on", LocalDate.class));
                    unsent.add(new UnsentDigest(id, row.getString("staff_id"), sweep, List.of()));
                });
        return unsent.stream()
                .map(digest -> new UnsentDigest(digest.id(), digest.staffId(), digest.sweep(), listed(digest.id())))
                .toList();
    }

    private List<SweptClock> listed(long digestId) {
        Map<Long, Finding> findings = new java.util.LinkedHashMap<>();
        jdbc.query(
                "select clock_id, what from deadline_digest_item where digest_id = :digest order by clock_id",
                Map.of("digest", digestId),
                row -> {
                    findings.put(row.getLong("clock_id"), Finding.valueOf(row.getString("what")));
                });
        Map<Long, Clock> byId = new java.util.HashMap<>();
        clocks.findAllById(findings.keySet()).forEach(clock -> byId.put(clock.getId(), clock));
        return findings.entrySet().stream()
                .map(item -> new SweptClock(ClockState.of(byId.get(item.getKey())), item.getValue()))
                .toList();
    }

    /**
     * Marks a digest mailed, in the caller's transaction, the one that sends it: false when it was marked already
     * (another run sent it; a second run waits on the first's row lock until it commits, then finds it sent).
     */
    public boolean markSent(long digestId) {
        return jdbc.update(
                        "update deadline_digest set sent_at = :at where id = :id and sent_at is null",
                        new MapSqlParameterSource()
                                .addValue("id", digestId)
                                .addValue("at", Timestamp.from(time.instant())))
                == 1;
    }
}
