package io.directline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V14 on data written before it, in a schema of its own on the test database (H2 or PostgreSQL): X owners who
 * wrote a direct message get their user id from its conversation key, and of a public case's messages only the
 * one that opened it counts as a public post.
 */
class SocialAccountsMigrationTests {

    static final String SCHEMA = "v14_migration";

    private static String url() {
        var url = System.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:postgresql") ? url : "jdbc:h2:mem:v14_migration;DB_CLOSE_DELAY=-1";
    }

    private static Flyway flyway(String target) {
        var vendor = url().startsWith("jdbc:postgresql") ? "postgresql" : "h2";
        return Flyway.configure()
                .dataSource(url(), System.getProperty("spring.datasource.username", "sa"), "")
                .schemas(SCHEMA)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .cleanDisabled(false)
                .target(target)
                .load();
    }

    private static void run(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql.replace("S.", "\"" + SCHEMA + "\"."));
        }
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        var rows = new ArrayList<String>();
        try (var statement = db.createStatement();
                var result = statement.executeQuery(sql.replace("S.", "\"" + SCHEMA + "\"."))) {
            while (result.next()) {
                rows.add(result.getObject(1) + "=" + result.getObject(2));
            }
        }
        return rows;
    }

    @Test
    void carriesKnownXUserIdsAndTheOpeningPublicPostsOver() throws SQLException {
        flyway("13").clean();
        flyway("13").migrate();
        try (var db = DriverManager.getConnection(url(), System.getProperty("spring.datasource.username", "sa"), "")) {
            var now = "timestamp with time zone '2026-11-02 10:00:00+00'";
            for (var owner : List.of("1,'Dee','dee_dm'", "2,'Max','max_mentions'", "3,'Two','two_ids'")) {
                var id = owner.substring(0, 1);
                run(
                        db,
                        "insert into S.customer (id, name, name_key, preferred_channel, time_zone, created_at, updated_at)"
                                + " values (" + owner.substring(0, owner.lastIndexOf(',')) + ", 'key', 'X', 'UTC', "
                                + now + ", "
                                + now + ")");
                run(
                        db,
                        "insert into S.customer_social_handle (customer_id, network, handle) values (" + id + ", 'x', "
                                + owner.substring(owner.lastIndexOf(',') + 1) + ")");
            }
            // Dee's case began with a public mention and went on in a direct message
            run(
                    db,
                    "insert into S.support_case (id, customer_id, subject, status, priority, channel, created_at,"
                            + " updated_at, public_thread) values (10, 1, 'Fridge', 'OPEN', 'NORMAL', 'X', " + now
                            + ", " + now
                            + ", true)");
            run(
                    db,
                    "insert into S.support_case (id, customer_id, subject, status, priority, channel, created_at,"
                            + " updated_at, public_thread) values (20, 2, 'Oven', 'OPEN', 'NORMAL', 'X', " + now + ", "
                            + now
                            + ", true)");
            run(
                    db,
                    "insert into S.support_case (id, customer_id, subject, status, priority, channel, created_at,"
                            + " updated_at, public_thread) values (30, 3, 'Lamp', 'OPEN', 'NORMAL', 'X', " + now + ", "
                            + now
                            + ", false)");
            for (var message : List.of("100, 10, '111'", "101, 10, '112'", "200, 20, '211'")) {
                var idAndCase = message.substring(0, message.lastIndexOf(','));
                var externalId = message.substring(message.lastIndexOf(',') + 1);
                run(
                        db,
                        "insert into S.case_message (id, case_id, direction, channel, author, body, external_id,"
                                + " created_at) values (" + idAndCase + ", 'INBOUND', 'X', 'Owner', 'Hi', " + externalId
                                + ", "
                                + now + ")");
            }
            for (var key : List.of("'dm:4401', 10", "'111', 10", "'dm:5501', 30", "'dm:5502', 30")) {
                run(
                        db,
                        "insert into S.channel_thread_key (channel, thread_key, case_id, created_at) values ('X', "
                                + key + ", " + now + ")");
            }

            flyway("14").migrate();

            assertThat(rows(db, "select customer_id, account_id from S.customer_social_account order by customer_id"))
                    .containsExactly("1=4401");
            assertThat(rows(db, "select id, public_post from S.case_message order by id"))
                    .containsExactly("100=true", "101=false", "200=true");
        }
    }
}
