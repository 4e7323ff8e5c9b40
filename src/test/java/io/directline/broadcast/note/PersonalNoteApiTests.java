package io.directline.broadcast.note;

import static io.directline.testsupport.ApiResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseStatus;
import io.directline.channel.Notices;
import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.UniqueNames;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An executive's personal notes over the API: each owner gets the note signed, on their channel, with a case the
 * executive holds so a reply reaches them; a list too long or an owner unknown is refused and nothing is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalNoteApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Notices notices;

    @Autowired
    CaseManagement cases;

    ApiClient admin;
    String executive;
    ApiClient erin;

    @BeforeAll
    void executive() {
        admin = IdentityFixtures.admin(port);
        executive = IdentityFixtures.createLogin(admin, "EXECUTIVE", null);
        erin = IdentityFixtures.signIn(port, executive);
    }

    @Test
    void eachOwnerGetsTheNoteSignedWithACaseTheExecutiveHolds() {
        long anna = CustomerFixtures.registerOwner(admin, "Anna Note");
        long ben = CustomerFixtures.registerOwner(admin, "Ben Note");

        var sent = erin.post(
                "/api/v1/notes",
                Map.of(
                        "customerIds", List.of(anna, ben),
                        "subject", "Your car, personally",
                        "body", "I know the wait has been long. I will see to it myself."));

        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        assertThat(sent.json().path("items")).hasSize(2);
        for (long owner : List.of(anna, ben)) {
            var theirs = notices.ofOwner(owner, 10);
            assertThat(theirs).hasSize(1);
            var notice = theirs.get(0);
            assertThat(notice.subject()).isEqualTo("Your car, personally");
            assertThat(notice.text())
                    .startsWith("I know the wait has been long.")
                    .contains("\n\n— " + executive + "\nExecutive office");
            assertThat(notice.caseId()).as("a reply threads into a case").isNotNull();
            var supportCase = cases.get(notice.caseId());
            assertThat(supportCase.getCustomerId()).isEqualTo(owner);
            assertThat(supportCase.getAssignee()).as("held by the executive").isEqualTo(executive);
            assertThat(supportCase.getTeam()).isEqualTo("executive-office");
            assertThat(supportCase.getStatus()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
            assertThat(cases.conversation(notice.caseId(), false).get(0).getBody())
                    .contains("I will see to it myself.");
        }
    }

    @Test
    void aDoubleSubmittedNoteWithOneIdempotencyKeyIsOneNoteAndTheSameAnswer() {
        long cleo = CustomerFixtures.registerOwner(admin, "Cleo Twice");
        var body = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of(
                        "customerIds", List.of(cleo),
                        "subject", "Once only",
                        "body", "One note, however often it is sent."));
        var key = Map.of("Idempotency-Key", UniqueNames.unique("note"));

        var first = erin.send("POST", "/api/v1/notes", body, "application/json", key);
        var second = erin.send("POST", "/api/v1/notes", body, "application/json", key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(notices.ofOwner(cleo, 10)).as("the owner's notices").hasSize(1);
        var mine = erin.get("/api/v1/notes").json().path("items");
        long toCleo = 0;
        for (var note : mine) {
            if (note.path("customerId").asLong() == cleo) {
                toCleo++;
            }
        }
        assertThat(toCleo).as("notes to the owner").isEqualTo(1);

        var other = erin.send(
                "POST", "/api/v1/notes", body, "application/json", Map.of("Idempotency-Key", UniqueNames.unique("n")));
        assertThat(other.status()).as("another key is another note").isEqualTo(201);
        assertThat(notices.ofOwner(cleo, 10)).hasSize(2);
    }

    @Test
    void moreOwnersThanTheCapAreRefusedAndNothingIsSent() {
        var many = LongStream.rangeClosed(1, 51).boxed().toList();

        var refused = assertProblem(
                erin.post("/api/v1/notes", Map.of("customerIds", many, "subject", "Hello", "body", "Hi.")), 400);

        assertThat(refused.path("detail").asString()).contains("at most 50 owners");
    }

    @Test
    void anUnknownOwnerIsRefusedAndNobodyIsWritten() {
        long anna = CustomerFixtures.registerOwner(admin, "Anna Unsent");

        var refused = assertProblem(
                erin.post(
                        "/api/v1/notes",
                        Map.of("customerIds", List.of(anna, 987654321L), "subject", "Hello", "body", "Hi.")),
                400);

        assertThat(refused.path("detail").asString()).contains("987654321");
        assertThat(notices.ofOwner(anna, 10)).isEmpty();
    }

    @Test
    void aNoteNeedsItsWords() {
        long anna = CustomerFixtures.registerOwner(admin, "Anna Wordless");

        var refused = assertProblem(
                erin.post("/api/v1/notes", Map.of("customerIds", List.of(anna), "subject", "Hello", "body", " ")), 400);

        assertThat(refused.path("field").asString()).isEqualTo("body");
    }
}
