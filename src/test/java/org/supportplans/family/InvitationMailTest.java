package org.supportplans.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The invitation by e-mail: sent only with a mail server, in English and Spanish, naming no student. */
class InvitationMailTest {

    static final class Outbox extends JavaMailSenderImpl {
        final List<SimpleMailMessage> sent = new ArrayList<>();
        boolean down;

        @Override
        public void send(SimpleMailMessage... messages) {
            if (down) {
                throw new MailSendException("connection refused");
            }
            sent.addAll(List.of(messages));
        }
    }

    private static InvitationMail mail(Outbox outbox) {
        StaticListableBeanFactory beans =
                new StaticListableBeanFactory(outbox == null ? Map.of() : Map.of("mailSender", outbox));
        return new InvitationMail(beans.getBeanProvider(JavaMailSender.class), "school@district.example");
    }

    @Test
    void theInvitationGoesToTheAddressWithTheLinkAndTheCodeInBothLanguages() {
        Outbox outbox = new Outbox();
        boolean sent = mail(outbox)
                .invite(
                        "case-1",
                        "inv-1",
                        "ana@example.org",
                        "https://plans.example/family/i/abc",
                        "K7QXM-4TRHP",
                        LocalDate.of(2026, 12, 17));

        assertThat(sent).isTrue();
        assertThat(outbox.sent).hasSize(1);
        SimpleMailMessage message = outbox.sent.get(0);
        assertThat(message.getTo()).containsExactly("ana@example.org");
        assertThat(message.getFrom()).isEqualTo("school@district.example");
        assertThat(message.getSubject())
                .isEqualTo("Your child's school asks for your answer / La escuela de su hijo o hija le pide una"
                        + " respuesta");
        assertThat(message.getText())
                .contains("Open this link: https://plans.example/family/i/abc")
                .contains("Your code: K7QXM-4TRHP")
                .contains("Abra este enlace: https://plans.example/family/i/abc")
                .contains("Su código: K7QXM-4TRHP")
                .contains("2026-12-17");
    }

    @Test
    void withoutAMailServerNothingIsSentAndAServerDownIsNotTheStaffsError() {
        assertThat(mail(null).invite("c", "i", "ana@example.org", "u", "K7QXM-4TRHP", LocalDate.of(2026, 12, 17)))
                .isFalse();
        Outbox down = new Outbox();
        down.down = true;
        assertThat(mail(down).invite("c", "i", "ana@example.org", "u", "K7QXM-4TRHP", LocalDate.of(2026, 12, 17)))
                .isFalse();
    }

    @Test
    void theOneTimeCodeGoesToTheAddressOnRecordInBothLanguages() {
        Outbox outbox = new Outbox();
        assertThat(mail(outbox).code("case-1", "inv-1", "ana@example.org", "042917", 10))
                .isTrue();
        SimpleMailMessage message = outbox.sent.get(0);
        assertThat(message.getTo()).containsExactly("ana@example.org");
        assertThat(message.getSubject())
                .isEqualTo("Your code for your child's school / Su código para la escuela de su hijo o hija");
        assertThat(message.getText())
                .contains("Your code is: 042917")
                .contains("works for 10 minutes, one time")
                .contains("Su código es: 042917")
                .contains("funciona durante 10 minutos");
        assertThat(mail(null).code("c", "i", "ana@example.org", "042917", 10)).isFalse();
    }
}
