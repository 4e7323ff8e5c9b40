package io.directline.channel.social;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where each polled channel left off. */
@Component
class ChannelCursors {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChannelCursors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> get(String name) {
        return jdbc.sql("select cursor_value from channel_cursor where name = ?")
                .param(name)
                .query(String.class)
                .optional();
    }

    @Transactional
    void set(String name, String value) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("update channel_cursor set cursor_value = ?, updated_at = ? where name = ?")
                .params(value, now, name)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into channel_cursor (name, cursor_value, updated_at) values (?, ?, ?)")
                    .params(name, value, now)
                    .update();
        }
    }
}
