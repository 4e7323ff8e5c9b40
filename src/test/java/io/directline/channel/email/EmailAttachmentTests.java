package io.directline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.directline.cases.Attachment;
import io.directline.cases.Attachments;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.cases.attachment.AttachmentFixtures;
import io.directline.channel.ChannelFixtures;
import io.directline.customer.Channel;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient.FilePart;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Files travel by e-mail both ways, against real SMTP and IMAP servers (GreenMail): an owner's photo becomes an
 * attachment of the case (once, however often the mail arrives; a program beside it is left out), and an agent's
 * answer with a file reaches the owner as a MIME attachment with the same bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmailAttachmentTests {

    static final String SUPPORT = ChannelFixtures.SUPPORT_ADDRESS;
    static final GreenMail MAIL = ChannelFixtures.startSupportMailbox();

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        ChannelFixtures.pollSupportMailbox(registry, MAIL);
        registry.add("directline.channels.outbox.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void stopMailServers() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    Attachments attachments;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anOwnersPhotoByMailIsStoredOnceWithTheCaseAndAProgramBesideItIsLeftOut() throws Exception {
        var owner = "ada-" + run + "@owners.example";
        var messageId = "<photo-" + run + "@owners.example>";
        var photo = AttachmentFixtures.photo(320, 240);
        var mail = mail(owner, messageId, "Cracked door " + run, "The crack, photographed.");
        attach(mail, "door.jpg", "image/jpeg", photo);
        attach(mail, "viewer.jpg", "image/jpeg", AttachmentFixtures.windowsProgram());
        send(mail);

        var received = await().atMost(Duration.ofSeconds(20))
                .until(() -> cases.findReceived(Channel.EMAIL, messageId), Optional::isPresent)
                .orElseThrow();
        var stored = attachments.ofCase(received.getCaseId());
        assertThat(stored).extracting(Attachment::fileName).containsExactly("door.jpg");
        assertThat(stored.get(0).contentType()).isEqualTo("image/jpeg");
        assertThat(stored.get(0).messageId()).isEqualTo(received.getId());
        try (var in = attachments.open(stored.get(0))) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }

        // the same mail delivered again (a redelivery, a second copy in the mailbox) stores nothing twice
        send(mail);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(attachments.ofCase(received.getCaseId())).hasSize(1);
        assertThat(cases.conversation(received.getCaseId(), true))
                .extracting(CaseMessage::getBody)
                .hasSize(1);

        // the agent sees it on the case
        var admin = IdentityFixtures.admin(port);
        var seen = admin.get("/api/v1/cases/" + received.getCaseId());
        assertThat(seen.json().path("attachments").get(0).path("fileName").asString())
                .isEqualTo("door.jpg");
    }

    @Test
    void anAgentsAnswerWithAFileReachesTheOwnerAsAMimeAttachment() throws Exception {
        var owner = "bruno-" + run + "@owners.example";
        var messageId = "<question-" + run + "@owners.example>";
        send(mail(owner, messageId, "Manual please " + run, "Could you send me the manual?"));
        var question = await().atMost(Duration.ofSeconds(20))
                .until(() -> cases.findReceived(Channel.EMAIL, messageId), Optional::isPresent)
                .orElseThrow();

        var manual = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var agent = IdentityFixtures.staff(port, IdentityFixtures.admin(port), "AGENT");
        var answer = agent.multipart(
                "/api/v1/cases/" + question.getCaseId() + "/messages",
                Map.of("body", "Here is the manual."),
                List.of(new FilePart("file", "manual.pdf", "application/octet-stream", manual)));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().path("attachments").get(0).path("contentType").asString())
                .isEqualTo("application/pdf");

        var delivered = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo(owner), m -> m.size() == 1)
                .get(0);
        var files = attachedFiles(delivered);
        assertThat(files).hasSize(1);
        var file = files.get(0);
        assertThat(file.getFileName()).isEqualTo("manual.pdf");
        assertThat(file.isMimeType("application/pdf")).isTrue();
        try (var in = file.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(manual);
        }
    }

    private static MimeMessage mail(String from, String messageId, String subject, String text)
            throws MessagingException {
        var message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        message.setSubject(subject);
        var body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        var parts = new MimeMultipart("mixed");
        parts.addBodyPart(body);
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    private static void attach(MimeMessage message, String name, String type, byte[] content)
            throws MessagingException, IOException {
        var part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(Part.ATTACHMENT);
        ((MimeMultipart) message.getContent()).addBodyPart(part);
        message.saveChanges();
    }

    private static void send(MimeMessage message) throws MessagingException {
        var session = Session.getInstance(new Properties());
        try (var transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new Address[] {new InternetAddress(SUPPORT)});
        }
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
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

    private static List<Part> attachedFiles(Part part) throws MessagingException, IOException {
        var found = new ArrayList<Part>();
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachedFiles(multipart.getBodyPart(i)));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        }
        return found;
    }
}
