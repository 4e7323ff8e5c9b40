package io.directline.journey.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.identity.Role;
import io.directline.testsupport.Accessibility;
import io.directline.testsupport.People;
import io.directline.testsupport.ScreenTest;
import io.directline.testsupport.UniqueNames;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An admin uploads a file of orders, watches the progress bar run to the end, reads which rows were rejected and why,
 * and an agent then finds an imported order by its reference from the find box, which leads to its owner.
 */
class OrderImportBrowserTests extends ScreenTest {

    @Test
    void anAdminImportsAFileWatchesTheProgressToTheEndAndReadsTheRejectedRows() throws IOException {
        var owners = new long[] {
            people.owner("Imke").customerId(),
            people.owner("Jari").customerId(),
            people.owner("Kemal").customerId()
        };
        var prefix = "BR-" + UniqueNames.suffix().toUpperCase();
        var csv = new StringBuilder("ref,owner,model,region,postal_code,tags,promised\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(',')
                    .append(owners[i % 3])
                    .append(",Aurora GT,Bavaria,8033")
                    .append(i % 10)
                    .append(",vip,2027-06-01\n");
        }
        csv.append(prefix).append("-BAD,").append(owners[0]).append(",Aurora GT,Bavaria,80331,,2027-06-31\n");
        var file = Files.createTempFile("orders-", ".csv");
        Files.writeString(file, csv);

        var admin = people.staff("Ada", Role.ADMIN, "ops");
        var sees = browser().signIn(admin.username(), People.PASSWORD).go("/admin/orders/import");
        sees.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        sees.clickToPage(By.cssSelector("#import-form button[type=submit]"));

        assertThat(sees.path()).startsWith("/admin/orders/import/");
        sees.waitUntil(d -> "100".equals(d.findElement(By.id("import-bar")).getAttribute("value")));
        sees.waitUntil(
                d -> d.findElement(By.id("import-progress-title")).getText().equals("Finished"));
        assertThat(sees.text(By.id("import-counts")))
                .isEqualTo("3001 rows read: 3000 new, 0 changed, 0 unchanged, 1 rejected.");
        assertThat(sees.text(By.id("import-rejections")))
                .contains("3002")
                .contains(prefix + "-BAD")
                .contains("promised \"2027-06-31\" is not a date; write it as YYYY-MM-DD.");
        assertThat(sees.find(By.id("import-report-link")).getAttribute("href")).endsWith("/report");
        assertThat(Accessibility.seriousViolations(sees)).isEmpty();
        assertThat(sees.policyViolations()).isEmpty();

        var agent = people.agent("Lio");
        var finds = browser().signIn(agent.username(), People.PASSWORD);
        finds.type(By.id("find-q"), prefix + "-17");
        var match = By.xpath("//div[@id='find-results']//a[contains(normalize-space(), 'order " + prefix + "-17 ')]");
        finds.waitUntil(d -> !d.findElements(match).isEmpty());
        finds.clickToPage(match);
        assertThat(finds.path()).isEqualTo("/customers/" + owners[17 % 3]);
    }
}
