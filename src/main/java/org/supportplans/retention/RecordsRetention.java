package org.supportplans.retention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.system.NotFoundException;

/**
 * How long a district keeps an exited case's records, and their destruction once past it, confirmed. A district
 * keeps a case's records {@code records_kept_years} years after the student's exit (the case's closing day;
 * 3 to 10, default 5: the states' rules run 5 to 7 years). Each year, from 1 July, the district's first morning
 * sweep lists the cases past retention for the district administrator to confirm ("Confirm the destruction of
 * records"); nothing is destroyed without that confirmation, nor before the parents were informed (34 CFR
 * 300.624(a)): the confirmation records the day they were. Destruction deletes every row of the case in our
 * tables and the student when no other case of theirs is left; the engine's history of the case is workflow's to
 * delete. The audit log keeps who read the case (its id only), as its own rule requires.
 */
@Service
@Transactional
public class RecordsRetention {

    /** The states' rules run 5 to 7 years after exit; a district may keep them longer, not shorter than 3. */
    public static final int MIN_YEARS = 3;

    public static final int MAX_YEARS = 10;

    /** The yearly review opens with the fiscal and school year, on 1 July (the district's date). */
    static final MonthDay REVIEW_FROM = MonthDay.of(7, 1);

    private static final Logger log = LoggerFactory.getLogger(RecordsRetention.class);

    private final JdbcTemplate jdbc;
    private final java.time.Clock time;

    RecordsRetention(JdbcTemplate jdbc, java.time.Clock time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** A case listed in a review: its id and the day the student exited (the case closed). */
    public record ListedCase(String caseId, LocalDate exitedOn) {}

    /** A district's review of a year: the cases listed, and what became of them. */
    public record Review(
            long id,
            String districtId,
            int year,
            LocalDate listedOn,
            int keptYears,
            String status,
            LocalDate parentsInformedOn,
            List<ListedCase> cases) {}

    /**
     * The first day an exited case's records are past retention: the day after the {@code years}-th anniversary of
     * the exit (kept {@code years} years after it, that anniversary included; an exit on 29 February has its
     * anniversary on 28 February in a year that has none).
     */
    public static LocalDate pastRetentionFrom(LocalDate exitedOn, int years) {
        return exitedOn.plusYears(years).plusDays(1);
    }

    /** The year whose review is open on {@code today}: this calendar year from 1 July, the last one before. */
    static int reviewYear(LocalDate today) {
        return MonthDay.from(today).isBefore(REVIEW_FROM) ? today.getYear() - 1 : today.getYear();
    }

    @Transactional(readOnly = true)
    public int keptYears(String districtId) {
        return jdbc.queryForObject("select records_kept_years from district where id = ?", Integer.class, districtId);
    }

    /** Sets the years the district keeps records after exit ({@value #MIN_YEARS} to {@value #MAX_YEARS}). */
    public int setKeptYears(String districtId, int years) {
        if (years < MIN_YEARS || years > MAX_YEARS) {
            throw new IllegalArgumentException("yearsAfterExit must be between " + MIN_YEARS + " and " + MAX_YEARS);
        }
        jdbc.update("update district set records_kept_years = ? where id = ?", years, districtId);
        return years;
    }

    /**
     * The district's review of this year, when it is due on {@code today} and not made yet: lists the closed cases
     * past retention (none listed: recorded as such, nothing asked). Called by the morning sweep, in the transaction
     * that claimed the district's day (one node, once a day).
     */
    public Optional<Review> reviewIfDue(String districtId, LocalDate today) {
        int year = reviewYear(today);
        if (today.isBefore(REVIEW_FROM.atYear(year))
                || jdbc.queryForObject(
                                "select count(*) from records_review where district_id = ? and review_year = ?",
                                Integer.class,
                                districtId,
                                year)
                        > 0) {
            return Optional.empty();
        }
        int years = keptYears(districtId);
        List<ListedCase> past = pastRetention(districtId, years, today);
        jdbc.update(
                "insert into records_review (district_id, review_year, listed_on, kept_years, status)"
                        + " values (?, ?, ?, ?, ?)",
                districtId,
                year,
                Date.valueOf(today),
                years,
                past.isEmpty() ? "NOTHING_DUE" : "LISTED");
        long id = jdbc.queryForObject(
                "select id from records_review where district_id = ? and review_year = ?",
                Long.class,
                districtId,
                year);
        jdbc.batchUpdate(
                "insert into records_review_case (review_id, case_id, exited_on) values (?, ?, ?)",
                past.stream()
                        .map(c -> new Object[] {id, c.caseId(), Date.valueOf(c.exitedOn())})
                        .toList());
        log.info(
                "Records review {} of district {} ({}): {} exited cases past retention",
                id,
                districtId,
                year,
                past.size());
        return past.isEmpty() ? Optional.empty() : Optional.of(review(id));
    }

    private List<ListedCase> pastRetention(String districtId, int years, LocalDate today) {
        List<ListedCase> past = new ArrayList<>();
        jdbc.query(
                "select c.id, c.closed_on from support_case c join school s on s.id = c.school_id"
                        + " where s.district_id = ? and c.status = 'CLOSED' and c.closed_on <= ?"
                        + " order by c.closed_on, c.id",
                row -> {
                    past.add(new ListedCase(
                            row.getString("id"), row.getDate("closed_on").toLocalDate()));
                },
                districtId,
                // a day or two more than the rule allows (29 February), the rule itself applied below
                Date.valueOf(today.minusYears(years).plusDays(2)));
        past.removeIf(c -> pastRetentionFrom(c.exitedOn(), years).isAfter(today));
        return past;
    }

    @Transactional(readOnly = true)
    public Review review(long id) {
        List<ListedCase> cases = jdbc.query(
                "select case_id, exited_on from records_review_case where review_id = ? order by exited_on, case_id",
                (row, n) -> new ListedCase(
                        row.getString("case_id"), row.getDate("exited_on").toLocalDate()),
                id);
        return jdbc
                .query(
                        "select district_id, review_year, listed_on, kept_years, status, parents_informed_on"
                                + " from records_review where id = ?",
                        (row, n) -> new Review(
                                id,
                                row.getString("district_id"),
                                row.getInt("review_year"),
                                row.getDate("listed_on").toLocalDate(),
                                row.getInt("kept_years"),
                                row.getString("status"),
                                row.getDate("parents_informed_on") == null
                                        ? null
                                        : row.getDate("parents_informed_on").toLocalDate(),
                                cases),
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No records review " + id + "."));
    }

    /**
     * The district administrator confirmed the destruction, the parents informed on {@code parentsInformedOn}
     * (300.624(a); not after the district's today): every row of each listed case still closed is deleted, and the student
     * when no other case of theirs is left. Answers the ids of the cases destroyed (a case reopened since it was
     * listed is kept).
     */
    public List<String> destroy(long reviewId, LocalDate parentsInformedOn, String confirmedBy) {
        Review review = review(reviewId);
        LocalDate today = today(review.districtId());
        if (!"LISTED".equals(review.status())) {
            throw new IllegalStateException("Records review " + reviewId + " is " + review.status() + ".");
        }
        if (parentsInformedOn == null || parentsInformedOn.isAfter(today)) {
            throw new IllegalArgumentException("The parents must have been informed before the records are destroyed"
                    + " (34 CFR 300.624(a)): the day they were, not after today.");
        }
        List<String> destroyed = new ArrayList<>();
        for (ListedCase listed : review.cases()) {
            Boolean closed = jdbc.query(
                    "select status from support_case where id = ?",
                    row -> row.next() ? "CLOSED".equals(row.getString(1)) : null,
                    listed.caseId());
            if (Boolean.TRUE.equals(closed)) {
                deleteCase(listed.caseId());
                jdbc.update(
                        "update records_review_case set destroyed_at = ? where review_id = ? and case_id = ?",
                        Timestamp.from(time.instant()),
                        reviewId,
                        listed.caseId());
                destroyed.add(listed.caseId());
            }
        }
        jdbc.update(
                "update records_review set status = 'DESTROYED', parents_informed_on = ?, decided_by = ?,"
                        + " decided_at = ? where id = ?",
                Date.valueOf(parentsInformedOn),
                confirmedBy,
                Timestamp.from(time.instant()),
                reviewId);
        log.info(
                "Records review {} of district {}: {} of {} listed cases destroyed",
                reviewId,
                review.districtId(),
                destroyed.size(),
                review.cases().size());
        return destroyed;
    }

    /** The district's date now, in its time zone. */
    public LocalDate today(String districtId) {
        String zone = jdbc.queryForObject("select time_zone from district where id = ?", String.class, districtId);
        return LocalDate.now(time.withZone(java.time.ZoneId.of(zone)));
    }

    /** The district administrator keeps the records for now (a hold, a request): listed again next year. */
    public void keep(long reviewId, String decidedBy) {
        jdbc.update(
                "update records_review set status = 'KEPT', decided_by = ?, decided_at = ? where id = ?"
                        + " and status = 'LISTED'",
                decidedBy,
                Timestamp.from(time.instant()),
                reviewId);
    }

    /** The tables that hold a case's rows, each with the statement that deletes them, children first. */
    static final List<String> CASE_ROWS = List.of(
            "delete from deadline_digest_item where clock_id in (select id from clock where case_id = ?)",
            "delete from clock_absence where clock_id in (select id from clock where case_id = ?)",
            "delete from clock_change where clock_id in (select id from clock where case_id = ?)",
            "delete from clock_pause where clock_id in (select id from clock where case_id = ?)",
            "update clock set linked_clock_id = null where case_id = ?",
            "delete from clock where case_id = ?",
            "delete from progress_report_goal where report_id in (select id from progress_report where case_id = ?)",
            "delete from progress_report where case_id = ?",
            "delete from goal_data_point where case_id = ?",
            "delete from goal_measurement where case_id = ?",
            "delete from service_minutes_week where plan_id in (select id from support_plan where case_id = ?)",
            "delete from service_session where case_id = ?",
            "delete from public_benefits_notice where case_id = ?",
            "delete from public_benefits_consent where case_id = ?",
            "delete from teacher_notification where case_id = ?",
            "delete from parent_notice where case_id = ?",
            "delete from plan_accommodation where plan_id in (select id from support_plan where case_id = ?)",
            "delete from plan_service where plan_id in (select id from support_plan where case_id = ?)",
            "update support_plan set previous_id = null where case_id = ?",
            "delete from support_plan where case_id = ?",
            "delete from eligibility_decision where case_id = ?",
            "delete from evaluation_area where evaluation_id in (select id from evaluation where case_id = ?)",
            "delete from evaluation where case_id = ?",
            "delete from family_email_code where invitation_id in (select id from family_invitation where case_id = ?)",
            "delete from family_session where invitation_id in (select id from family_invitation where case_id = ?)",
            "delete from family_attempt where invitation_id in (select id from family_invitation where case_id = ?)",
            "delete from family_consent_evidence where case_id = ?",
            "delete from family_invitation where case_id = ?",
            "delete from family_document_reading where document_id in (select id from family_document where case_id = ?)",
            "delete from family_document where case_id = ?",
            "delete from meeting where case_id = ?",
            "delete from consent_request where case_id = ?",
            "delete from triage_decision where case_id = ?",
            "delete from referral where case_id = ?",
            "delete from case_plan_kind where case_id = ?",
            "delete from case_event where case_id = ?");

    private boolean postgres() {
        return "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName()));
    }

    /** The statements that delete a case's rows (each with the case id as its one parameter), children first. */
    public static List<String> caseRowStatements() {
        return CASE_ROWS;
    }

    private void deleteCase(String caseId) {
        String studentId =
                jdbc.queryForObject("select student_id from support_case where id = ?", String.class, caseId);
        if (postgres()) {
            // the sealed documents' trigger lets this transaction, and it alone, delete them (V17_4)
            jdbc.queryForObject("select set_config('support_plans.records_destruction', 'on', true)", String.class);
        }
        for (String statement : CASE_ROWS) {
            jdbc.update(statement, caseId);
        }
        jdbc.update("delete from support_case where id = ?", caseId);
        jdbc.update(
                "delete from student where id = ? and not exists (select 1 from support_case where student_id = ?)",
                studentId,
                studentId);
    }
}
