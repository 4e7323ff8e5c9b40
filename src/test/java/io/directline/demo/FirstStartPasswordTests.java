package io.directline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.DirectLineApplication;
import io.directline.testsupport.ApiClient;
import io.directline.testsupport.IsolatedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A fresh install, started as the README says, opens to no published password: the demo logins and the
 * {@code admin} login get generated passwords, printed once to the console, never as a log event (asked for as
 * structured JSON, as a log server would collect it; when the suite's earlier contexts have set up logging in this
 * JVM already, the plain pattern stays).
 */
class FirstStartPasswordTests {

    private static final Pattern ADMIN = Pattern.compile("login 'admin' with the generated password\\s+(\\S+)");
    private static final Pattern DEMO = Pattern.compile("Demo logins, all with the generated password\\s+(\\S+)");

    @Test
    void aFreshInstallOpensOnlyToThePasswordsPrintedOnItsConsole() {
        var console = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(new Tee(original, console), true, StandardCharsets.UTF_8));
        String out;
        try (var app = new SpringApplicationBuilder(DirectLineApplication.class).run(arguments())) {
            out = console.toString(StandardCharsets.UTF_8);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            var admin = find(ADMIN, out);
            var demo = find(DEMO, out);
            assertThat(admin).hasSize(20).isNotEqualTo(demo);
            assertThat(demo).hasSize(20);

            assertThat(ApiClient.basic(port, "demo-admin", "directline-demo")
                            .get("/api/v1/cases")
                            .status())
                    .as("the password once published in the README opens nothing")
                    .isEqualTo(401);
            assertThat(ApiClient.basic(port, "demo-admin", demo)
                            .get("/api/v1/cases")
                            .status())
                    .isEqualTo(200);
            assertThat(ApiClient.basic(port, "owner", demo)
                            .get("/api/v1/me/cases")
                            .status())
                    .isEqualTo(200);
            assertThat(ApiClient.basic(port, "admin", admin)
                            .get("/api/v1/cases")
                            .status())
                    .isEqualTo(200);

            // a log event starts with its time (the plain pattern) or is a JSON object (structured logging)
            var logEvent = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT|\\{).*");
            for (var line : out.split("\\R")) {
                if (line.contains(admin) || line.contains(demo)) {
                    assertThat(line).as("a password in a log event").doesNotMatch(logEvent);
                    assertThat(line).doesNotContain("@timestamp");
                }
            }
            assertThat(out).as("the log says where the passwords went").contains("printed once to the console");
        } finally {
            System.setOut(original);
        }
    }

    private static String[] arguments() {
        var properties = new ArrayList<String>();
        // a first start needs an empty database: on PostgreSQL a schema outlives the run, so each run takes its own
        var schema = "firststart"
                + new Random()
                        .ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        IsolatedDatabase.properties(schema).forEach((name, value) -> properties.add(name + "=" + value));
        properties.add("directline.demo.enabled=true");
        properties.add("directline.demo.owners=12");
        properties.add("directline.demo.cases=12");
        properties.add("directline.admin.password=");
        properties.add("logging.structured.format.console=ecs");
        properties.add("directline.sla.watchdog-interval=1h");
        properties.add("server.port=0");
        // as arguments, which outrank the suite's system properties (its shared database's URL)
        return properties.stream().map(p -> "--" + p).toArray(String[]::new);
    }

    private static String find(Pattern pattern, String out) {
        var matcher = pattern.matcher(out);
        assertThat(matcher.find()).as("%s in the console output", pattern).isTrue();
        return matcher.group(1);
    }

    /** Writes to the real console and to a copy the test reads. */
    private static final class Tee extends OutputStream {

        private final PrintStream console;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            copy.write(b);
            console.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            console.write(b, off, len);
        }
    }
}
