package org.supportplans.family;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The invitation by e-mail, sent only when a mail server is configured ({@code spring.mail.host}) and the staff
 * gave an address. The message names no student (the parent signs in to see who it is about), in English and
 * Spanish. The link and the code are in the message, never in a log line.
 */
@Component
class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    /** The one-time code leaves on this thread: the page answers as fast whether or not an address is on record. */
    private final ExecutorService later = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "family-code-mail");
        thread.setDaemon(true);
        return thread;
    });

    InvitationMail(
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${support-plans.family.mail-from:no-reply@support-plans.invalid}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    /** Sends the invitation; returns whether it was sent. A failure is logged (ids only) and not the caller's. */
    boolean invite(String caseId, String invitationId, String to, String url, String letterCode, LocalDate expiresOn) {
        return send("Invitation", caseId, invitationId, to, "mail", url, letterCode, expiresOn.toString());
    }

    /** The one-time code, sent on a thread of its own (see {@link #later}). */
    void codeLater(String caseId, String invitationId, String to, String code, int minutes) {
        later.execute(() -> code(caseId, invitationId, to, code, minutes));
    }

    /** The one-time code to sign in with, in English and Spanish; returns whether it was sent. */
    boolean code(String caseId, String invitationId, String to, String code, int minutes) {
        return send("Sign-in code of invitation", caseId, invitationId, to, "mail.code", code, minutes);
    }

    /** A message of {@code <messages>.subject} and {@code <messages>.body}, in English then Spanish. */
    private boolean send(
            String what, String caseId, String invitationId, String to, String messages, Object... parameters) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(FamilyPages.message("en", messages + ".subject") + " / "
                + FamilyPages.message("es", messages + ".subject"));
        message.setText(FamilyPages.message("en", messages + ".body", parameters)
                + "\n\n----\n\n"
                + FamilyPages.message("es", messages + ".body", parameters));
        try {
            sender.send(message);
            log.info("{} {} of case {} sent by e-mail", what, invitationId, caseId);
            return true;
        } catch (MailException e) {
            log.warn(
                    "{} {} of case {} not sent by e-mail: {}",
                    what,
                    invitationId,
                    caseId,
                    e.getClass().getSimpleName());
            return false;
        }
    }

    @PreDestroy
    void stop() {
        later.shutdown();
    }
}
