package io.directline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/**
 * V18 on publications written before issue 11 moved the two listeners that run after commit: an incomplete one
 * names its listener by the new class (the id Spring Modulith now looks it up by), so it is still delivered after
 * the upgrade; a completed one keeps its history.
 */
class MovedEventListenersMigrationTests {

    static final String SCHEMA = "v18_migration";

    private static String url() {
        var url = System.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:postgresql") ? url : "jdbc:h2:mem:v18_migration;DB_CLOSE_DELAY=-1";
    }

    private static String user() {
        return System.getProperty("spring.datasource.username", "sa");
    }

    private static Flyway flyway(String target) {
        var vendor = url().startsWith("jdbc:postgresql") ? "postgresql" : "h2";
        return Flyway.configure()
                .dataSource(url(), user(), "")
                .schemas(SCHEMA)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .cleanDisabled(false)
                .target(target)
                .load();
    }

    /** The listener id Spring Modulith gives a listener method: its qualified name and parameter types. */
    private static String listenerId(String className, String event) throws ReflectiveOperationException {
        var method = Class.forName(className).getDeclaredMethod("on", Class.forName(event));
        return ClassUtils.getQualifiedMethodName(method) + "(" + event + ")";
    }

    private static void insert(Connection db, String id, String listener, boolean completed) throws SQLException {
        try (var statement = db.prepareStatement("insert into \"" + SCHEMA + "\".event_publication (id, listener_id,"
                + " event_type, serialized_event, publication_date, completion_date) values (?, ?, 'E', '{}',"
                + " current_timestamp, " + (completed ? "current_timestamp" : "null") + ")")) {
            statement.setObject(1, java.util.UUID.fromString(id));
            statement.setString(2, listener);
            statement.executeUpdate();
        }
    }

    private static List<String> listeners(Connection db) throws SQLException {
        var rows = new ArrayList<String>();
        try (var statement = db.createStatement();
                var result = statement.executeQuery(
                        "select listener_id from \"" + SCHEMA + "\".event_publication order by id")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    @Test
    void incompletePublicationsOfMovedListenersAreDeliveredToTheirNewClass() throws Exception {
        flyway("17").clean();
        flyway("17").migrate();
        try (var db = DriverManager.getConnection(url(), user(), "")) {
            insert(
                    db,
                    "00000000-0000-0000-0000-000000000001",
                    "io.directline.channel.OutboxQueue.on(io.directline.cases.ReplyPosted)",
                    false);
            insert(
                    db,
                    "00000000-0000-0000-0000-000000000002",
                    "io.directline.escalation.ExecutiveEscalations.on(io.directline.sla.PromiseBroken)",
                    false);
            insert(
                    db,
                    "00000000-0000-0000-0000-000000000003",
                    "io.directline.channel.OutboxQueue.on(io.directline.cases.ReplyPosted)",
                    true);

            flyway("18").migrate();

            assertThat(listeners(db))
                    .containsExactly(
                            listenerId("io.directline.channel.outbox.OutboxQueue", "io.directline.cases.ReplyPosted"),
                            listenerId(
                                    "io.directline.escalation.office.LateFirstResponseListener",
                                    "io.directline.sla.PromiseBroken"),
                            "io.directline.channel.OutboxQueue.on(io.directline.cases.ReplyPosted)");
        }
    }
}
