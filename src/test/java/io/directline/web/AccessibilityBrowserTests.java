package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.escalation.EscalationFixtures;
import io.directline.identity.Role;
import io.directline.testsupport.Accessibility;
import io.directline.testsupport.Accessibility.Violation;
import io.directline.testsupport.Browser;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Screens are for everyone: axe-core finds no serious or critical violation on any page, each seen by a role that may
 * see it. The pages are the page rows of {@code identity/AuthorizationMatrixTests}; the parts htmx loads into a page
 * ({@code /inbox/rows}, {@code /notifications}, the case's SLA, promises, responder and executive-escalation panels)
 * are fragments without {@code <html>} or {@code <title>}, so they are checked inside their page, after they have
 * loaded.
 */
class AccessibilityBrowserTests extends ScreenTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private final List<Violation> violations = new ArrayList<>();

    @Test
    void noPageHasASeriousOrCriticalAccessibilityViolation() {
        var owner = people.owner("Ada");
        var agent = people.agent("Abel");
        long caseId = people.caseWithConversation(owner, agent);

        var anyone = browser();
        check(anyone, "/login");
        anyone.signIn(owner.username(), "not-the-password");
        check(anyone, anyone.path()); // the sign-in page with its error
        check(anyone, "/login/owner"); // owners sign in with a code

        // an order with a moved date and a notice about it: the notices page with its reply form, the order's
        // timeline with what we told the owner
        var ref = "ORD-A11Y-"
                + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var orders = context.getBean(io.directline.journey.Orders.class);
        orders.upsert(
                ref,
                io.directline.journey.JourneyFixtures.order(
                        owner.customerId(), "Meridian", java.time.LocalDate.of(2027, 3, 1)));
        var noticeSource = "delay:" + ref + ":DELIVERED";
        context.getBean(io.directline.channel.Notices.class)
                .queue(new io.directline.channel.Notice(
                        owner.customerId(),
                        noticeSource,
                        "Your Meridian arrives later",
                        "Dear Ada, your order " + ref + " now arrives on 22 March 2027.",
                        null,
                        "Direct Line",
                        null,
                        noticeSource + ":1"));

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        check(ownerSees, "/portal");
        check(ownerSees, "/portal/new");
        check(ownerSees, "/portal/cases/" + caseId);
        check(ownerSees, "/inbox"); // the "not for your role" page
        check(ownerSees, "/portal/cases/999999999"); // the "could not find" page
        check(ownerSees, "/portal/settings");
        check(ownerSees, "/portal/notices");
        check(ownerSees, "/portal/orders");
        // service visits: the owner's booking page with the nearest centers, and a visit on their journey
        var api = io.directline.identity.IdentityFixtures.admin(port);
        long center = io.directline.servicecenter.ServiceCenterFixtures.create(
                api,
                io.directline.servicecenter.ServiceCenterFixtures.center(
                        "Axe", -45.5, 80.5, java.util.Map.of("TYRES", 5, "BODY", 1), List.of()));
        assertThat(api.post(
                                "/api/v1/service-centers/" + center + "/appointments",
                                java.util.Map.of(
                                        "customerId",
                                        owner.customerId(),
                                        "service",
                                        "TYRES",
                                        "day",
                                        io.directline.servicecenter.ServiceCenterFixtures.openDay()))
                        .status())
                .isEqualTo(201);
        check(ownerSees, "/portal/service-visits?near=" + center);
        check(ownerSees, "/portal/orders");

        // a survey about a settled case: on the portal, and by the e-mail link without signing in
        long surveyed = EscalationFixtures.oldCase(cases, owner.customerId(), Duration.ofDays(2));
        var surveyToken =
                "a11y" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 28);
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .update(
                        "insert into survey (customer_id, case_id, kind, channel, token_hash, sent_at, expires_at)"
                                + " values (?, ?, 'CSAT', 'EMAIL', ?, ?, ?)",
                        owner.customerId(),
                        surveyed,
                        io.directline.testsupport.Hashes.sha256(surveyToken),
                        java.sql.Timestamp.from(java.time.Instant.now()),
                        java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofDays(7))));
        check(ownerSees, "/portal/surveys");
        check(anyone, "/survey/" + surveyToken + "?score=4");

        // an owner whose old case may go to an executive: the page with the escalation form
        var escalating = people.owner("Elena");
        long oldCase = EscalationFixtures.oldCase(cases, escalating.customerId(), Duration.ofDays(3));
        var escalatingSees = browser().signIn(escalating.username(), People.PASSWORD);
        check(escalatingSees, "/portal/cases/" + oldCase);
        escalatingSees.waitUntil(d -> d.findElement(By.id("escalation-eligible")));

        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        check(agentSees, "/inbox");
        check(agentSees, "/cases/" + caseId);
        check(agentSees, "/customers/" + owner.customerId()); // the owner page
        check(agentSees, "/find?q=" + owner.customerId()); // the find page without htmx
        check(agentSees, "/customers/" + owner.customerId() + "/service-visits?near=" + center);

        var supervisor = people.supervisor("Sid", null);
        var supervisorSees = browser().signIn(supervisor.username(), People.PASSWORD);
        check(supervisorSees, "/supervisor/go-dark");
        check(supervisorSees, "/supervisor/escalations");
        check(supervisorSees, "/supervisor/broadcasts");
        check(supervisorSees, "/supervisor/broadcasts/new");
        var broadcastModel = "Axe " + io.directline.testsupport.UniqueNames.suffix();
        io.directline.broadcast.BroadcastFixtures.ordersOfModel(
                context, List.of(owner.customerId()), broadcastModel, "an accessibility check");
        supervisorSees.go("/supervisor/broadcasts/new");
        supervisorSees.type(By.id("b-model"), broadcastModel);
        supervisorSees.type(By.id("b-subject"), "{firstName}, about {orderRef}");
        supervisorSees.type(By.id("b-full"), "Dear {firstName}, {orderRef} now arrives on {newDate}.");
        supervisorSees.clickToPage(By.id("preview"));
        checkAsShown(supervisorSees); // the preview with its count and samples (the answer to a POST)
        supervisorSees.clickToPage(By.id("submit-broadcast"));
        check(supervisorSees, supervisorSees.path()); // the broadcast page, awaiting approval
        check(supervisorSees, "/supervisor/delays");
        check(supervisorSees, "/supervisor/dashboard");
        check(supervisorSees, "/supervisor/coverage");
        supervisorSees.type(By.id("coverage-k"), "3");
        supervisorSees.clickToPage(By.id("coverage-run"));
        supervisorSees.waitUntil(
                d -> !supervisorSees.all(By.id("coverage-sites")).isEmpty());
        checkAsShown(supervisorSees); // the coverage result: map, sites, clusters, regions, visit figures

        var executive = people.staff("Eve", Role.EXECUTIVE, null);
        var executiveSees = browser().signIn(executive.username(), People.PASSWORD);
        check(executiveSees, "/executive/escalations");
        check(executiveSees, "/executive/notes");

        var admin = people.admin("Ida");
        var adminSees = browser().signIn(admin.username(), People.PASSWORD);
        check(adminSees, "/admin/channels");
        check(adminSees, "/admin/sla-policies");
        check(adminSees, "/admin/sla-policies/1");
        check(adminSees, "/admin/orders/import"); // the order import: upload, and its columns
        check(adminSees, "/admin/playbooks");
        check(adminSees, "/admin/service-centers");
        check(adminSees, "/admin/service-centers?edit=" + center);

        assertThat(violations)
                .as("serious or critical accessibility violations (axe-core)")
                .isEmpty();
    }

    private void check(Browser browser, String path) {
        browser.go(path);
        checkAsShown(browser);
    }

    private void checkAsShown(Browser browser) {
        // let htmx load the parts of the page it fetches after the first paint
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script(
                "return document.readyState === 'complete' && !document.querySelector('.htmx-request');")));
        violations.addAll(Accessibility.seriousViolations(browser));
    }
}
