package io.directline.broadcast.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.directline.broadcast.BroadcastFixtures;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.cases.Direction;
import io.directline.channel.ChannelFixtures;
import io.directline.customer.Channel;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.ScreenClient;
import io.directline.testsupport.UniqueNames;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reply to a broadcast notice threads into one case per owner and broadcast, about the broadcast and the order it
 * told of, over real SMTP and IMAP (GreenMail) and on the portal: the notice is the case's first message, the reply
 * follows it, the same message twice is one message, and a later reply joins the same case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadcastReplyTests {

    static final String SUPPORT = ChannelFixtures.SUPPORT_ADDRESS;
    static final GreenMail MAIL = ChannelFixtures.startSupportMailbox();
    private static final Pattern REPLY_FORM =
            Pattern.compile("action=\"/portal/notices/(\\d+)/reply\"[\\s\\S]*?name=\"key\" value=\"([^\"]+)\"");

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
    ApplicationContext context;

    @Autowired
    CaseManagement cases;

    ApiClient admin;
    ApiClient sam;
    String samName;

    @BeforeAll
    void staff() {
        admin = IdentityFixtures.admin(port);
        samName = IdentityFixtures.createLogin(admin, "SUPERVISOR", null);
        sam = IdentityFixtures.signIn(port, samName);
    }

    private record Told(long customerId, String address, String orderRef, long broadcastId) {}

    /** An owner with an e-mail address and an order of a model of their own, told of its delay by a broadcast. */
    private Told toldByBroadcast(String firstName) {
        var address = UniqueNames.unique(firstName.toLowerCase()) + "@owners.example";
        var registered = admin.post("/api/v1/customers", Map.of("name", firstName + " Lindqvist", "email", address));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        long owner = registered.id();
        var model = UniqueNames.unique("Model");
        var ref = BroadcastFixtures.ordersOfModel(context, List.of(owner), model, "a late shipment of seats")
                .get(0);
        long id = BroadcastFixtures.create(sam, model).path("id").asLong();
        var approved = sam.post("/api/v1/broadcasts/" + id + "/approve", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        BroadcastFixtures.await(sam, id, b -> b.path("status").asString().equals("QUEUED"));
        return new Told(owner, address, ref, id);
    }

    @Test
    void anEmailReplyToABroadcastOpensOneCaseAboutItAndTheNextReplyJoinsIt() throws Exception {
        var told = toldByBroadcast("Ada");
        var notice = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(told.address()), m -> !m.isEmpty())
                .get(0);
        var subject = notice.getSubject();
        assertThat(subject).isEqualTo("Ada, news about " + told.orderRef());
        var run = UniqueNames.suffix();
        var replyId = "<reply-" + run + "@owners.example>";
        var reply =
                """
                From: Ada Lindqvist <%s>
                To: %s
                Subject: Re: %s
                Message-ID: %s
                In-Reply-To: %s
                References: %s
                Content-Type: text/plain; charset=UTF-8

                Can I still change the colour while I wait?
                """.formatted(told.address(), SUPPORT, subject, replyId, notice.getMessageID(), notice.getMessageID());

        smtp(reply);
        var first = await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.findReceived(Channel.EMAIL, replyId), Optional::isPresent)
                .orElseThrow();
        long caseId = first.getCaseId();
        var supportCase = cases.get(caseId);
        assertThat(supportCase.getSubject()).isEqualTo("Re: " + subject);
        assertThat(supportCase.getCustomerId()).isEqualTo(told.customerId());
        assertThat(supportCase.getOrderId()).isEqualTo(told.orderRef());

        // the same message delivered twice, then a second reply naming the same notice
        smtp(reply);
        var secondId = "<again-" + run + "@owners.example>";
        smtp(reply.replace(replyId, secondId).replace("Can I still change", "And may I change"));
        var second = await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.findReceived(Channel.EMAIL, secondId), Optional::isPresent)
                .orElseThrow();

        assertThat(second.getCaseId()).as("the second reply's case").isEqualTo(caseId);
        var conversation = cases.conversation(caseId, false);
        assertThat(conversation.get(0).getDirection()).isEqualTo(Direction.OUTBOUND);
        assertThat(conversation.get(0).getBody()).contains("Dear Ada,").contains("a late shipment of seats");
        assertThat(inbound(conversation))
                .containsExactly(
                        "Can I still change the colour while I wait?", "And may I change the colour while I wait?");

        // the staff case page names the broadcast and links the order
        var page =
                ScreenClient.signedIn(port, samName, IdentityFixtures.PASSWORD).get("/cases/" + caseId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("reply to")
                .contains("/supervisor/broadcasts/" + told.broadcastId())
                .contains("broadcast #" + told.broadcastId())
                .contains(told.orderRef());
    }

    @Test
    void aPortalReplyToABroadcastNoticeGoesToTheCaseAboutItOnceForADoubleSubmit() {
        var told = toldByBroadcast("Bo");
        var login = IdentityFixtures.createLogin(admin, "OWNER", told.customerId());
        var bo = ScreenClient.signedIn(port, login, IdentityFixtures.PASSWORD);
        var notices = bo.get("/portal/notices");
        assertThat(notices.status()).isEqualTo(200);
        var form = REPLY_FORM.matcher(notices.body());
        assertThat(form.find()).as("a reply form on %s", notices.body()).isTrue();
        var action = "/portal/notices/" + form.group(1) + "/reply";
        var fields = Map.of("body", "Will the seats be the same colour?", "key", form.group(2));

        var sent = bo.post(action, fields, "/portal/notices");
        var again = bo.post(action, fields, "/portal/notices");

        assertThat(sent.status()).as("%s", sent).isEqualTo(302);
        assertThat(sent.location()).matches(".*/portal/cases/\\d+");
        assertThat(again.location()).isEqualTo(sent.location());
        long caseId = Long.parseLong(sent.location().replaceAll(".*/", ""));
        var supportCase = cases.get(caseId);
        assertThat(supportCase.getSubject()).isEqualTo("Re: Bo, news about " + told.orderRef());
        assertThat(supportCase.getOrderId()).isEqualTo(told.orderRef());
        assertThat(inbound(cases.conversation(caseId, false))).containsExactly("Will the seats be the same colour?");
        var shown = bo.get("/portal/cases/" + caseId);
        assertThat(shown.body()).contains("Re: Bo, news about").contains("Will the seats be the same colour?");

        // a later reply from a new form joins the same case
        var later = REPLY_FORM.matcher(bo.get("/portal/notices").body());
        assertThat(later.find()).isTrue();
        var third = bo.post(action, Map.of("body", "And the wheels?", "key", later.group(2)), "/portal/notices");
        assertThat(third.location()).isEqualTo(sent.location());
        assertThat(inbound(cases.conversation(caseId, false)))
                .containsExactly("Will the seats be the same colour?", "And the wheels?");

        // an empty reply is refused with its sentence on the page, and another owner's notice is not found
        var empty = bo.post(action, Map.of("body", " ", "key", later.group(2)), "/portal/notices");
        assertThat(empty.status()).isEqualTo(302);
        assertThat(bo.get(empty.location()).body()).contains("Please write your reply.");
        var book = context.getBean(io.directline.channel.Notices.class);
        long other = io.directline.customer.CustomerFixtures.registerOwner(admin, "Other Owner");
        var source = "test:" + UniqueNames.suffix();
        book.queue(new io.directline.channel.Notice(
                other, source, "Not for Bo", "Another owner's notice.", null, "Direct Line", null, source));
        long theirs = book.ofOwner(other, 10).get(0).id();
        var foreign = bo.post(
                "/portal/notices/" + theirs + "/reply",
                Map.of("body", "Let me in.", "key", later.group(2)),
                "/portal/notices");
        assertThat(foreign.status()).as("%s", foreign).isEqualTo(404);
        assertThat(book.ofOwner(other, 10).get(0).caseId()).isNull();
    }

    private static List<String> inbound(List<CaseMessage> conversation) {
        return conversation.stream()
                .filter(m -> m.getDirection() == Direction.INBOUND)
                .map(CaseMessage::getBody)
                .toList();
    }

    private static void smtp(String raw) throws MessagingException {
        var session = Session.getInstance(new Properties());
        var message = new MimeMessage(
                session,
                new ByteArrayInputStream(raw.strip()
                        .replace("\r\n", "\n")
                        .replace("\n", "\r\n")
                        .concat("\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        try (var transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new Address[] {new InternetAddress(SUPPORT)});
        }
    }

    private static List<MimeMessage> mailTo(String address) {
        return ChannelFixtures.mailTo(MAIL, address);
    }
}
