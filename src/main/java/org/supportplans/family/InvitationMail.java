package org.supportplans.family;

import java.time.LocalDate;
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

    InvitationMail(
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${support-plans.family.mail-from:no-reply@support-plans.invalid}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    /** Sends the invitation; returns whether it was sent. A failure is logged (ids only) and not the caller's. */
    boolean invite(String caseId, String invitationId, String to, String url, String letterCode, LocalDate expiresOn) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(
                FamilyPages.message("en", "mail.subject") + " / " + FamilyPages.message("es", "mail.subject"));
        message.setText(FamilyPages.message("en", "mail.body", url, letterCode, expiresOn.toString())
                + "\n\n----\n\n"
                + FamilyPages.message("es", "mail.body", url, letterCode, expiresOn.toString()));
        try {
            sender.send(message);
            log.info("Invitation {} of case {} sent by e-mail", invitationId, caseId);
            return true;
        } catch (MailException e) {
            log.warn(
                    "Invitation {} of case {} not sent by e-mail: {}",
                    invitationId,
                    caseId,
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
