package io.directline.servicecenter;

import static io.directline.testsupport.Keyboard.keys;
import static io.directline.testsupport.Keyboard.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.Address;
import io.directline.customer.Channel;
import io.directline.customer.CustomerDetails;
import io.directline.identity.NewUser;
import io.directline.identity.Role;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import io.directline.testsupport.UniqueNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service-visit screens in a browser: an owner books a visit on the portal with the keyboard alone and finds it on
 * their journey; an agent books for an owner from a case, which gets a note; an admin adds a center, and a refused
 * form comes back with its sentence and what was typed.
 */
class ServiceCenterBrowserTests extends ScreenTest {

    @Autowired
    ServiceCenterRegistry registry;

    @Test
    void anOwnerBooksAVisitWithTheKeyboardAloneAndSeesItOnTheirJourney() {
        var place = somewhereOfItsOwn();
        var centerName = UniqueNames.unique("Keyboard Center");
        long center = registry.register(details(centerName, place[0], place[1]), "test");
        var owner = ownerAt("Kim", place[0] + 0.05, place[1] + 0.05);

        var browser = browser().go("/login");
        tabTo(browser, e -> "username".equals(e.getAttribute("name")));
        keys(browser, owner, Keys.TAB, People.PASSWORD, Keys.ENTER);
        browser.waitUntil(d -> browser.path().startsWith("/portal"));
        browser.go("/portal/orders");
        tabTo(browser, e -> "/portal/service-visits".equals(e.getDomAttribute("href")));
        keys(browser, Keys.ENTER);
        browser.waitUntil(d -> browser.path().equals("/portal/service-visits"));

        // the nearest center with room, from the owner's address: the day chosen with the keyboard, then Book
        tabTo(browser, e -> ("day-" + center).equals(e.getAttribute("id")));
        keys(browser, Keys.ARROW_DOWN);
        var chosen = browser.find(By.id("day-" + center)).getAttribute("value");
        tabTo(browser, e -> ("drop-off-" + center).equals(e.getAttribute("id")));
        keys(browser, "10:30");
        tabTo(browser, e -> ("book-button-" + center).equals(e.getAttribute("id")));
        keys(browser, Keys.ENTER);
        browser.waitUntil(d -> !browser.path().startsWith("/portal/service-visits"));
        assertThat(browser.path()).as("%s", browser.pageText()).startsWith("/portal/orders");

        assertThat(browser.text(By.id("orders-notice"))).contains("Booked", centerName);
        var journey = browser.text(By.id("service-visits"));
        assertThat(journey).contains(centerName, "Booked", "10:30");
        assertThat(journey)
                .contains(java.time.LocalDate.parse(chosen)
                        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)));
    }

    @Test
    void anAgentBooksForTheOwnerFromTheCaseAndTheCaseGetsANote() {
        var place = somewhereOfItsOwn();
        var centerName = UniqueNames.unique("Case Center");
        long center = registry.register(details(centerName, place[0], place[1]), "test");
        var ownerName = ownerAt("Omar", place[0] - 0.05, place[1]);
        long owner = customers
                .findByEmail(ownerName + "@owners.example")
                .orElseThrow()
                .getId();
        var agent = people.agent("Ava");
        var ownerVoice = new io.directline.cases.Actor(ownerName, ownerName, Channel.PORTAL);
        long caseId = cases.open(
                        new io.directline.cases.CaseManagement.OpenCase(
                                owner,
                                "My tyres are worn",
                                "Can you fit new ones?",
                                Channel.PORTAL,
                                io.directline.cases.Priority.NORMAL,
                                "support",
                                null,
                                null),
                        ownerVoice)
                .getId();

        var browser = browser().signIn(agent.username(), People.PASSWORD);
        browser.go("/cases/" + caseId);
        browser.clickToPage(By.id("case-book-visit"));
        assertThat(browser.path()).isEqualTo("/customers/" + owner + "/service-visits?case=" + caseId);
        browser.clickToPage(By.id("book-button-" + center));
        assertThat(browser.text(By.id("visit-notice"))).contains("Booked for", centerName);
        assertThat(browser.text(By.id("visit-table"))).contains(centerName, "booked");

        browser.go("/cases/" + caseId);
        assertThat(browser.pageText()).contains("Service visit booked: Tyres at " + centerName);
    }

    @Test
    void anAdminAddsACenterAndARefusedFormKeepsWhatWasTyped() {
        var admin = people.admin("Ada");
        var browser = browser().signIn(admin.username(), People.PASSWORD);
        browser.go("/admin/service-centers");
        var name = UniqueNames.unique("Screen Center");
        browser.type(By.id("center-name"), name);
        browser.type(By.id("center-city"), "Tulsa");
        browser.type(By.id("center-latitude"), "north");
        browser.type(By.id("center-longitude"), "-95.99");
        browser.type(By.id("center-capacity-TYRES"), "4");
        browser.clickToPage(By.id("save-center"));
        assertThat(browser.pageText()).contains("latitude is a number of degrees");
        assertThat(browser.find(By.id("center-name")).getAttribute("value")).isEqualTo(name);
        assertThat(browser.find(By.id("center-latitude")).getAttribute("value")).isEqualTo("north");

        browser.type(By.id("center-latitude"), "36.15");
        browser.clickToPage(By.id("save-center"));
        assertThat(browser.text(By.id("center-notice"))).contains(name);
        assertThat(browser.text(By.id("center-table"))).contains(name, "Tulsa", "Tyres 4/day");
    }

    /** An owner with a login living at the point; returns the username. */
    private String ownerAt(String first, double lat, double lon) {
        var username = first.toLowerCase() + "." + UniqueNames.suffix();
        var customer = customers.register(new CustomerDetails(
                first + " Visitor",
                username + "@owners.example",
                null,
                Channel.EMAIL,
                null,
                "America/New_York",
                new Address("1 Test Road", "Testville", "12345", "OK", "US", lat, lon),
                null,
                null));
        users.createUser(
                new NewUser(username, People.PASSWORD, null, null, null, Set.of(Role.OWNER), customer.getId()));
        return username;
    }

    /** A point in the South Pacific no other test puts a center near. */
    private static double[] somewhereOfItsOwn() {
        var random = ThreadLocalRandom.current();
        return new double[] {-40 + random.nextDouble() * 20, -150 + random.nextDouble() * 20};
    }

    private static CenterDetails details(String name, double lat, double lon) {
        return new CenterDetails(
                name,
                "1 Harbour Road",
                "Testville",
                null,
                null,
                "US",
                lat,
                lon,
                "UTC",
                Map.of(
                        "MONDAY", "08:00-18:00",
                        "TUESDAY", "08:00-18:00",
                        "WEDNESDAY", "08:00-18:00",
                        "THURSDAY", "08:00-18:00",
                        "FRIDAY", "08:00-18:00",
                        "SATURDAY", "08:00-18:00",
                        "SUNDAY", "08:00-18:00"),
                List.of(),
                Map.of("TYRES", 5),
                10,
                1,
                null);
    }
}
