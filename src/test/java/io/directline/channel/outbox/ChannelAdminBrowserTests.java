package io.directline.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.DeliveryState;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.customer.CustomerManagement;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.testsupport.Browser;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "directline.channels.example.webhook-secret=super-secret-test-token")
class ChannelAdminBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String login(Role role) {
        var name =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(new NewUser(name, "admin-screen-1", "Robin " + name, null, null, Set.of(role), null));
        return name;
    }

    @Test
    void adminSeesEachChannelItsDeliveryStateAndHealthWithSecretsMasked() {
        // an answer by e-mail to an owner who has no e-mail address fails at once, with its cause
        var owner = customers.register(new CustomerDetails(
                "Phone Only " + UUID.randomUUID().toString().substring(0, 6),
                null,
                "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999)),
                Channel.SMS,
                null,
                null,
                null,
                null,
                null));
        long caseId = cases.open(
                        new OpenCase(owner.getId(), "Call me", "Please call", Channel.SMS, null, null, null, null),
                        new Actor("owner", owner.getName(), Channel.SMS))
                .getId();
        var reply = cases.reply(caseId, "Sent by mail", Channel.EMAIL, new Actor("agent", "Alex", Channel.PORTAL));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.message(reply.getId()).getDeliveryStatus() == DeliveryState.FAILED);

        browser = Browser.open(port).signIn(login(Role.ADMIN), "admin-screen-1").go("/admin/channels");
        assertThat(browser.text(By.id("delivery-errors")))
                .contains("case " + caseId)
                .contains("has no e-mail address");

        var channels = browser.text(By.id("channel-table"));
        assertThat(channels).contains("PORTAL").contains("EMAIL").contains("MASTODON");
        assertThat(browser.text(By.id("health-table"))).contains("outbox").contains("UP");
        var settings = browser.text(By.id("settings-table"));
        assertThat(settings)
                .contains("directline.channels.example.webhook-secret")
                .contains("(set)");
        assertThat(browser.pageText()).doesNotContain("super-secret-test-token");
    }

    @Test
    void theChannelScreenIsForAdminsOnly() {
        browser = Browser.open(port).signIn(login(Role.AGENT), "admin-screen-1").go("/admin/channels");
        assertThat(browser.pageText()).contains("for another kind of account").doesNotContain("Settings in force");
    }
}
