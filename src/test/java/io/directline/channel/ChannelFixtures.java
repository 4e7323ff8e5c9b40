package io.directline.channel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
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
}
