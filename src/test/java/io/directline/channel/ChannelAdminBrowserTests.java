package io.directline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.identity.UserManagement;
import io.directline.web.Browser;
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
        browser = Browser.open(port).signIn(login(Role.ADMIN), "admin-screen-1").go("/admin/channels");

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
