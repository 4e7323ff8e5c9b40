package io.directline;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.bench.BenchSupport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database, opened with the URL {@code application.yml} gives it, keeps every commit that
 * returned when its process is killed with SIGKILL (a crash, an OOM kill, {@code kill -9}): the API
 * answers 201 only after the commit, so a lost commit is a lost case the owner was told about.
 */
class EmbeddedDatabaseCrashTests {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcknowledgedCommitWhenTheProcessIsKilled() throws Exception {
        String url = BenchSupport.embeddedDatabaseUrl(dataDir);
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement()) {
            statement.execute("create table acknowledged (id bigint primary key, body varchar(200))");
        }

        var writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath(),
                        CommittingWriter.class.getName(),
                        url,
                        String.valueOf(ACKNOWLEDGED_BEFORE_KILL))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var acknowledged = new ArrayList<Long>();
        try (var lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = lines.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.strip()));
            }
            // SIGKILL right after the last commit returned, as a crash would
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("commits the writer acknowledged").hasSize(ACKNOWLEDGED_BEFORE_KILL);

        var stored = new HashSet<Long>();
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var rows = connection.createStatement().executeQuery("select id from acknowledged")) {
            while (rows.next()) {
                stored.add(rows.getLong(1));
            }
        }
        List<Long> lost =
                acknowledged.stream().filter(id -> !stored.contains(id)).toList();
        assertThat(lost.size())
                .as(
                        "acknowledged commits missing after kill -9 (of %d; e.g. %s)",
                        acknowledged.size(), lost.subList(0, Math.min(10, lost.size())))
                .isZero();
    }

    /** H2 and this test's classes: all the writer needs. */
    private static String classPath() throws URISyntaxException {
        return String.join(
                System.getProperty("path.separator"),
                Path.of(org.h2.Driver.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString(),
                Path.of(CommittingWriter.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
    }

    /**
     * Runs in its own process: commits one row per transaction, as the API commits one case per call,
     * and prints each row's id once its commit has returned; then waits, with the database open, to be
     * killed.
     */
    static final class CommittingWriter {

        public static void main(String[] args) throws SQLException, InterruptedException {
            try (var connection = DriverManager.getConnection(args[0], "sa", "");
                    var insert = connection.prepareStatement("insert into acknowledged (id, body) values (?, ?)")) {
                connection.setAutoCommit(false);
                for (long id = 1; id <= Long.parseLong(args[1]); id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "case " + id);
                    insert.executeUpdate();
                    connection.commit();
                    System.out.println(id);
                    System.out.flush();
                }
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }
}
