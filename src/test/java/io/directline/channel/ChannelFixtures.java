package io.directline.channel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The support mailbox for e-mail tests: GreenMail on free ports, and the app's e-mail channel polling it. */
public final class ChannelFixtures {

    /** The support address the owners write to. */
    public static final String SUPPORT_ADDRESS = "support@directline.example";

    private ChannelFixtures() {}

    /** SMTP and IMAP on free ports, started, with the support mailbox's login. Stop it after the class. */
    public static GreenMail startSupportMailbox() {
        var mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser(SUPPORT_ADDRESS, "support", "support-password");
        return mail;
    }

    /** Points the app's e-mail channel at that mailbox: its address, and IMAP polled every 200 ms. */
    public static void pollSupportMailbox(DynamicPropertyRegistry registry, GreenMail mail) {
        registry.add("directline.channels.email.address", () -> SUPPORT_ADDRESS);
        registry.add("directline.channels.email.imap.host", () -> "127.0.0.1");
        registry.add("directline.channels.email.imap.port", () -> mail.getImap().getPort());
        registry.add("directline.channels.email.imap.ssl", () -> "false");
        registry.add("directline.channels.email.imap.username", () -> "support");
        registry.add("directline.channels.email.imap.password", () -> "support-password");
        registry.add("directline.channels.email.imap.poll-interval", () -> "200ms");
    }

    /** The messages the mail server received for {@code address} (as a To recipient), in the order they came. */
    public static List<MimeMessage> mailTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        var to = m.getRecipients(Message.RecipientType.TO);
                        return to != null
                                && Arrays.stream(to)
                                        .anyMatch(a -> ((InternetAddress) a)
                                                .getAddress()
                                                .equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
