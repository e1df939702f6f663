package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.deadlines.DeadlineSweeps;
import org.supportplans.deadlines.DeadlineSweeps.DistrictSweep;
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;
import org.supportplans.retention.RecordsRetention;

/**
 * The morning digest is mailed after the district's sweep has committed, once: a sweep that fails mails nothing and
 * its retry mails once; a job whose own transaction fails after the sweep, retried, mails nothing more; a mail
 * server down leaves the digest recorded and unsent, and the next hourly run mails it, once.
 *
 * <p>The sweep is run here by the test (the district's sweep of its day, then the hourly mailing), with a mail
 * sender of the test's own, each test in a district of its own (the service's own hourly sweep, should the top of
 * an hour come during a test, finds the district's clock warned already).
 */
@PostgresIntegrationTest
class DeadlineDigestMailIT {

    @LocalServerPort
    int port;

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineSweeps sweeps;

    @Autowired
    ClockTasks clockTasks;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    CaseDirectory cases;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    RecordsRetention retention;

    @Autowired
    RecordsDestructionSteps.Opener recordsReview;

    @Test
    void aSweepThatFailsMailsNothingItsRetryMailsOnceAndARetriedJobNothingMore() {
        DistrictSweep day = districtWithAWarningDue("i20-mail-failing");
        RecordingMail mail = new RecordingMail();

        // the sweep fails after it recorded the coordinator's digest (say the database connection drops)
        DeadlineSweeps failing = mock(DeadlineSweeps.class, AdditionalAnswers.delegatesTo(sweeps));
        doAnswer(call -> {
                    sweeps.recordDigest(
                            call.getArgument(0), call.getArgument(1), call.getArgument(2), call.getArgument(3));
                    throw new IllegalStateException("the sweep's transaction fails after the digest was recorded");
                })
                .when(failing)
                .recordDigest(any(), any(), anyList(), anyBoolean());
        assertThat(sweepWith(failing, mail).sweepDistrict(day)).isFalse();
        assertThat(mail.delivered)
                .as("nothing mailed for a sweep that rolled back")
                .isEmpty();
        assertThat(digestsOf(day)).as("nothing recorded").isZero();
        assertThat(claimed(day))
                .as("the day not claimed: the next run sweeps it")
                .isFalse();

        // the next hourly run sweeps the district: the digest is recorded, then mailed once the sweep has committed
        DeadlineSweep sweep = sweepWith(sweeps, mail);
        assertThat(sweep.sweepDistrict(day)).isTrue();
        assertThat(mail.delivered).containsExactly("coordinator@demo-district.example.org");
        assertThat(mail.texts.get(0)).contains("/api/cases/").doesNotContain("Maya");
        assertThat(unsent(day)).isZero();

        // the job that ran it fails after the sweep (its own transaction rolls back) and is retried: the district's
        // day is claimed already and its digest sent, so nothing more goes out
        TransactionTemplate job = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> job.executeWithoutResult(status -> {
                    sweep.sweepDistrict(day);
                    throw new IllegalStateException("the job's transaction fails after the sweep");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sweep.sweepDistrict(day)).isFalse();
        assertThat(sweep.mailDigests()).isZero();
        assertThat(mail.delivered).as("one digest a day, mailed once").hasSize(1);
        assertThat(digestsOf(day)).isEqualTo(1);
    }

    @Test
    void aMailServerDownLeavesTheDigestToTheNextHourWhichMailsItOnce() {
        DistrictSweep day = districtWithAWarningDue("i20-mail-outage");
        RecordingMail mail = new RecordingMail();
        mail.down = true;
        DeadlineSweep sweep = sweepWith(sweeps, mail);

        assertThat(sweep.sweepDistrict(day)).as("the sweep itself succeeds").isTrue();
        assertThat(mail.delivered).isEmpty();
        assertThat(mail.refused).as("the mail was tried after the commit").isEqualTo(1);
        assertThat(digestsOf(day)).isEqualTo(1);
        assertThat(unsent(day)).as("recorded, not sent").isEqualTo(1);

        // an hour on, still down: tried again, still waiting
        assertThat(sweep.mailDigests()).isZero();
        assertThat(unsent(day)).isEqualTo(1);

        // the mail server is back: the next hourly run mails it, and the one after mails nothing
        mail.down = false;
        assertThat(sweep.mailDigests()).isGreaterThanOrEqualTo(1);
        assertThat(mail.delivered).containsExactly("coordinator@demo-district.example.org");
        assertThat(unsent(day)).isZero();
        sweep.mailDigests();
        assertThat(sweep.sweepDistrict(day)).isFalse();
        assertThat(mail.delivered).hasSize(1);
    }

    private DeadlineSweep sweepWith(DeadlineSweeps deadlineSweeps, JavaMailSender mail) {
        return new DeadlineSweep(
                deadlineSweeps,
                clockTasks,
                taskService,
                identityService,
                cases,
                new StaticListableBeanFactory(Map.of("mailSender", mail)).getBeanProvider(JavaMailSender.class),
                "http://localhost:" + port,
                processEngine,
                transactionManager,
                retention,
                recordsReview);
    }

    /**
     * A district of its own whose school's coordinators hold the open step of a case with a records request whose
     * first warning has come: asked 40 days ago, due 45 calendar days after (34 CFR 300.613(a)), so in 5 days; first
     * warning 10 days before the due date, 5 days ago. Not swept today yet (its claim reset).
     */
    /**
     * The demo coordinator works at the test's schools only while its tests run: other tests count the coordinator's
     * schools, and adding a school to the demo district gives the coordinator's Camunda tenants to every school of
     * theirs, which these schools (made straight in the tables) have none of.
     */
    @AfterEach
    void theCoordinatorLeavesTheTestSchools() {
        jdbc.update("delete from school_staff where user_id = 'coordinator' and school_id like 'i20-mail-%'");
    }

    private DistrictSweep districtWithAWarningDue(String districtId) {
        ZoneId zone = ZoneId.of("America/Chicago");
        String schoolId = districtId + "-school";
        if (districts.findById(districtId).isEmpty()) {
            District district = districts.save(new District(districtId, "Mail test district", "CO", zone));
            schools.save(new School(schoolId, district, "Mail test school"));
        }
        jdbc.update(
                "insert into school_staff (school_id, user_id) select ?, 'coordinator' where not exists"
                        + " (select 1 from school_staff where school_id = ? and user_id = 'coordinator')",
                schoolId,
                schoolId);
        LocalDate today = LocalDate.now(zone);
        Http admin = Http.as(port, "demo");
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", schoolId);
        referral.put("receivedOn", today.minusDays(3).toString());
        Http.Response referred = admin.post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        Tasks.done(
                admin,
                caseId,
                "Triage the referral",
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
        Http.Response records = admin.post(
                "/api/cases/" + caseId + "/clocks",
                Map.of("kind", "records-request", "start", today.minusDays(40).toString()));
        assertThat(records.status()).as(records.body()).isEqualTo(201);
        assertThat(records.json().path("clock").path("dueDate").asText())
                .isEqualTo(today.plusDays(5).toString());
        jdbc.update("delete from deadline_sweep where district_id = ?", districtId);
        return new DistrictSweep(districtId, zone, today);
    }

    private int digestsOf(DistrictSweep day) {
        return jdbc.queryForObject(
                "select count(*) from deadline_digest where district_id = ? and digest_on = ?",
                Integer.class,
                day.districtId(),
                day.day());
    }

    private int unsent(DistrictSweep day) {
        return jdbc.queryForObject(
                "select count(*) from deadline_digest where district_id = ? and digest_on = ? and mailed = true"
                        + " and sent_at is null",
                Integer.class,
                day.districtId(),
                day.day());
    }

    private boolean claimed(DistrictSweep day) {
        return jdbc.queryForObject(
                        "select count(*) from deadline_sweep where district_id = ? and swept_on = ?",
                        Integer.class,
                        day.districtId(),
                        day.day())
                == 1;
    }

    /** A mail server of the test's own: keeps whom each message went to; while down, refuses (as a server off). */
    static final class RecordingMail extends JavaMailSenderImpl {

        final List<String> delivered = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        int refused;
        volatile boolean down;

        @Override
        public synchronized void send(SimpleMailMessage... messages) {
            if (down) {
                refused++;
                throw new MailSendException("Connection refused at " + Instant.now());
            }
            for (SimpleMailMessage message : messages) {
                delivered.addAll(List.of(message.getTo()));
                texts.add(message.getText());
            }
        }
    }
}
