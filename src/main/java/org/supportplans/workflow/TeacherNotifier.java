package org.supportplans.workflow;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.PlanDevelopment;
import org.supportplans.people.Role;
import org.supportplans.roster.RosterImport;
import org.supportplans.roster.TeachersOfRecord;

/**
 * "Tell every teacher of record what to provide": each staff member of the case's school in a role the
 * plans name (service providers, the general education teachers) gets a notification record, and an
 * e-mail when a mail server is configured ({@code spring.mail.host}). Where the district's roster names the
 * student's teachers of record ({@link TeachersOfRecord}), the general education part goes to them, not to every
 * general education teacher of the school. The e-mail names no student: it
 * links to the case, which only signed-in staff can open. A retried job does not tell anyone twice.
 */
@Component("teacherNotifier")
class TeacherNotifier extends CaseSteps.Step {

    private static final Logger log = LoggerFactory.getLogger(TeacherNotifier.class);

    private final PlanDevelopment plans;
    private final CaseDirectory cases;
    private final IdentityService identityService;
    private final TeachersOfRecord teachersOfRecord;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String baseUrl;

    TeacherNotifier(
            PlanDevelopment plans,
            CaseDirectory cases,
            IdentityService identityService,
            TeachersOfRecord teachersOfRecord,
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${support-plans.base-url:http://localhost:8080}") String baseUrl) {
        this.plans = plans;
        this.cases = cases;
        this.identityService = identityService;
        this.teachersOfRecord = teachersOfRecord;
        this.mailSender = mailSender;
        this.baseUrl = baseUrl;
    }

    @Override
    void run(DelegateExecution execution, String caseId) {
        tell(caseId);
    }

    /**
     * The roster gave students with a plan in effect new teachers of record: they are told what to provide (those
     * told before are not told again).
     */
    @EventListener
    void teachersOfRecordChanged(RosterImport.TeachersOfRecordChanged changed) {
        changed.caseIds().forEach(this::tell);
    }

    private void tell(String caseId) {
        JavaMailSender mail = mailSender.getIfAvailable();
        int told = 0;
        Set<String> schoolStaff = cases.staffOf(caseId);
        List<String> ofRecord = teachersOfRecord.of(cases.facts(caseId).districtId(), cases.studentLocalIdOf(caseId));
        for (PlanDevelopment.Assignment assignment : plans.assignments(caseId)) {
            boolean toTeachersOfRecord =
                    !ofRecord.isEmpty() && assignment.role().equals(Role.GENERAL_EDUCATION_TEACHER.groupId());
            List<User> teachers = (toTeachersOfRecord
                            ? identityService
                                    .createUserQuery()
                                    .userIdIn(ofRecord.toArray(String[]::new))
                                    .list()
                            : identityService
                                    .createUserQuery()
                                    .memberOfGroup(assignment.role())
                                    .list())
                    .stream().filter(user -> schoolStaff.contains(user.getId())).toList();
            for (User teacher : teachers) {
                boolean emailed = mail != null
                        && teacher.getEmail() != null
                        && !teacher.getEmail().isBlank();
                if (plans.recordTeacherNotified(caseId, assignment, teacher.getId(), emailed)) {
                    told++;
                    if (emailed) {
                        mail.send(message(caseId, assignment, teacher));
                    }
                }
            }
        }
        log.info("Case {}: {} teacher notifications", caseId, told);
    }

    private SimpleMailMessage message(String caseId, PlanDevelopment.Assignment assignment, User teacher) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(teacher.getEmail());
        message.setSubject("A " + assignment.planKind() + " in effect asks something of you");
        message.setText("A " + assignment.planKind() + " is now in effect for a student you teach or serve.\n\n"
                + "What you provide:\n" + assignment.toProvide() + "\n\n"
                + "The case: " + baseUrl + "/api/cases/" + caseId + " (sign in to open it).\n");
        return message;
    }
}
