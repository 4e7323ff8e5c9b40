package io.directline.cases.attachment;

import static io.directline.cases.CaseFixtures.openCase;
import static io.directline.testsupport.ApiResponses.assertProblem;
import static io.directline.testsupport.ApiResponses.each;
import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.CustomerFixtures;
import io.directline.identity.IdentityFixtures;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.ApiClient.FilePart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Files on cases over real HTTP: an owner sends a photo, the agent finds it on the case and downloads the same bytes;
 * programs are refused whatever their name, web pages are only ever downloads, limits are named, and other owners
 * cannot tell an attachment exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentApiTests {

    @LocalServerPort
    int port;

    ApiClient admin;
    ApiClient agent;
    CustomerFixtures.Owner owner;
    long caseId;

    @BeforeEach
    void setUp() {
        admin = IdentityFixtures.admin(port);
        agent = IdentityFixtures.staff(port, admin, "AGENT");
        owner = CustomerFixtures.owner(port, admin, "Ada Lindqvist");
        caseId = openCase(admin, owner.customerId(), "Dryer door cracked", "The glass of the door has a crack.");
    }

    @Test
    void anOwnersPhotoIsOnTheCaseAndTheAgentDownloadsTheSameBytes() throws Exception {
        var photo = AttachmentFixtures.photo(800, 600);
        var sent = owner.client()
                .multipart(
                        "/api/v1/me/cases/" + caseId + "/attachments",
                        Map.of("body", "Here is the crack."),
                        List.of(new FilePart("file", "crack.jpg", "image/jpeg", photo)));
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        assertThat(sent.json().path("message").path("body").asString()).isEqualTo("Here is the crack.");
        assertThat(each(sent.json().path("attachments"), "fileName")).containsExactly("crack.jpg");

        var seen = agent.get("/api/v1/cases/" + caseId);
        assertThat(seen.status()).as("%s", seen).isEqualTo(200);
        var listed = seen.json().path("attachments").get(0);
        assertThat(listed.path("fileName").asString()).isEqualTo("crack.jpg");
        assertThat(listed.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(listed.path("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(listed.path("inline").asBoolean()).isTrue();
        var messageId = sent.json().path("message").path("id").asLong();
        assertThat(listed.path("messageId").asLong()).isEqualTo(messageId);

        var download = agent.download(listed.path("url").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");

        var thumbnail = agent.download(listed.path("thumbnailUrl").asString());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        var small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body()));
        assertThat(small.getWidth()).isEqualTo(240);
        assertThat(small.getHeight()).isEqualTo(180);

        // the owner sees and downloads it too, under their own path
        var mine = owner.client().get("/api/v1/me/cases/" + caseId);
        var ownerUrl = mine.json().path("attachments").get(0).path("url").asString();
        assertThat(ownerUrl).startsWith("/api/v1/me/cases/" + caseId + "/attachments/");
        assertThat(owner.client().download(ownerUrl).body()).isEqualTo(photo);
    }

    @Test
    void aProgramRenamedToJpgIsRefusedAndNothingIsStored() {
        var refused = owner.client()
                .multipart(
                        "/api/v1/me/cases/" + caseId + "/attachments",
                        Map.of("body", "My holiday photo"),
                        List.of(new FilePart(
                                "file", "holiday.jpg", "image/jpeg", AttachmentFixtures.windowsProgram())));
        var problem = assertProblem(refused, 415);
        assertThat(problem.path("detail").asString())
                .contains("holiday.jpg")
                .contains("program or script")
                .contains("application/x-msdownload");

        var seen = agent.get("/api/v1/cases/" + caseId);
        assertThat(seen.json().path("attachments")).isEmpty();
        assertThat(each(seen.json().path("messages"), "body")).doesNotContain("My holiday photo");
    }

    @Test
    void aWebPageIsOnlyEverServedAsADownload() {
        var page = AttachmentFixtures.webPage();
        var sent = owner.client()
                .multipart(
                        "/api/v1/me/cases/" + caseId + "/attachments",
                        Map.of(),
                        List.of(new FilePart("file", "receipt.png", "image/png", page)));
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        var listed = sent.json().path("attachments").get(0);
        assertThat(listed.path("contentType").asString()).isEqualTo("text/html");
        assertThat(listed.path("inline").asBoolean()).isFalse();
        assertThat(listed.path("thumbnailUrl").isNull()).isTrue();
        assertThat(sent.json().path("message").path("body").asString()).isEqualTo("Sent receipt.png");

        var download = agent.download(
                "/api/v1/cases/" + caseId + "/attachments/" + listed.path("id").asLong());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(page);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("receipt.png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitNamed() {
        var tooLarge = new byte[10 * 1024 * 1024 + 1];
        var refused = owner.client()
                .multipart(
                        "/api/v1/me/cases/" + caseId + "/attachments",
                        Map.of("body", "The manual"),
                        List.of(new FilePart("file", "manual.pdf", "application/pdf", tooLarge)));
        var problem = assertProblem(refused, 413);
        assertThat(problem.path("detail").asString())
                .contains("manual.pdf")
                .contains("10 MB")
                .contains("directline.attachments.max-file-size");
        assertThat(agent.get("/api/v1/cases/" + caseId).json().path("attachments"))
                .isEmpty();
    }

    @Test
    void anotherOwnerCannotTellAnAttachmentExists() {
        var sent = owner.client()
                .multipart(
                        "/api/v1/me/cases/" + caseId + "/attachments",
                        Map.of(),
                        List.of(new FilePart("file", "crack.jpg", "image/jpeg", AttachmentFixtures.photo(40, 30))));
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        long attachmentId = sent.json().path("attachments").get(0).path("id").asLong();

        var stranger = CustomerFixtures.owner(port, admin, "Bruno Okafor");
        assertThat(stranger.client()
                        .download("/api/v1/me/cases/" + caseId + "/attachments/" + attachmentId)
                        .statusCode())
                .isEqualTo(404);
        var theirCase = openCase(admin, stranger.customerId(), "Their own case", "Something else.");
        // nor through a case of their own
        assertThat(stranger.client()
                        .download("/api/v1/me/cases/" + theirCase + "/attachments/" + attachmentId)
                        .statusCode())
                .isEqualTo(404);
        assertProblem(
                stranger.client()
                        .multipart(
                                "/api/v1/me/cases/" + caseId + "/attachments",
                                Map.of(),
                                List.of(new FilePart("file", "x.jpg", "image/jpeg", AttachmentFixtures.photo(4, 4)))),
                404);
    }

    @Test
    void anAgentsInternalNoteFilesStayHiddenFromTheOwner() {
        var note = agent.multipart(
                "/api/v1/cases/" + caseId + "/messages",
                Map.of("body", "Warranty check: serial plate photo", "visibility", "INTERNAL"),
                List.of(new FilePart("file", "plate.jpg", "image/jpeg", AttachmentFixtures.photo(60, 40))));
        assertThat(note.status()).as("%s", note).isEqualTo(201);
        long attachmentId = note.json().path("attachments").get(0).path("id").asLong();

        assertThat(owner.client().get("/api/v1/me/cases/" + caseId).json().path("attachments"))
                .isEmpty();
        assertThat(owner.client()
                        .download("/api/v1/me/cases/" + caseId + "/attachments/" + attachmentId)
                        .statusCode())
                .isEqualTo(404);
        assertThat(agent.download("/api/v1/cases/" + caseId + "/attachments/" + attachmentId)
                        .statusCode())
                .isEqualTo(200);
    }
}
