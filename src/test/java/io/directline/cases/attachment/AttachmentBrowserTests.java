package io.directline.cases.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An owner sends a photo from the portal; the agent sees it as a thumbnail on the case page and opens it. */
class AttachmentBrowserTests extends ScreenTest {

    @Test
    void anOwnersPhotoFromThePortalShowsAsAThumbnailToTheAgent() throws Exception {
        var owner = people.owner("Iris");
        var agent = people.agent("Omar");
        var opened = cases.open(
                new OpenCase(
                        owner.customerId(),
                        "Scratched worktop " + owner.customerId(),
                        "The delivery scratched my worktop.",
                        Channel.PORTAL,
                        Priority.NORMAL,
                        null,
                        null,
                        null),
                new Actor(owner.username(), owner.name(), Channel.PORTAL));
        var photo = Files.createTempFile("scratch", ".jpg");
        Files.write(photo, AttachmentFixtures.photo(1200, 900));

        var ownerSees = browser().signIn(owner.username(), People.PASSWORD);
        ownerSees.go("/portal/cases/" + opened.getId());
        ownerSees.type(By.id("reply-body"), "Here is the scratch.");
        ownerSees.find(By.id("reply-files")).sendKeys(photo.toAbsolutePath().toString());
        ownerSees.clickToPage(By.id("send-reply"));
        ownerSees.waitUntil(d -> ownerSees.pageText().contains("Here is the scratch."));
        assertThat(ownerSees.text(By.cssSelector(".attachments")))
                .contains(photo.getFileName().toString());

        var agentSees = browser().signIn(agent.username(), People.PASSWORD);
        agentSees.go("/cases/" + opened.getId());
        var thumbnail = By.cssSelector(".message.inbound .attachments img.thumbnail");
        agentSees.waitUntil(d -> Boolean.TRUE.equals(agentSees.script(
                "const i = document.querySelector(arguments[0]); return i !== null && i.complete"
                        + " && i.naturalWidth > 0;",
                ".message.inbound .attachments img.thumbnail")));
        assertThat(agentSees.find(thumbnail).getAttribute("alt"))
                .isEqualTo(photo.getFileName().toString());
        assertThat(((Number) agentSees.script(
                                "return document.querySelector(arguments[0]).naturalWidth;",
                                ".message.inbound .attachments img.thumbnail"))
                        .intValue())
                .isEqualTo(Thumbnails.SIZE);
        Files.deleteIfExists(photo);
    }
}
