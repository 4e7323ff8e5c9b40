package io.directline.channel.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The raw originals of e-mails whose text was too long for a case message and was shortened, by the case
 * message they became: staff download them from the case.
 */
@Component
class EmailOriginals {

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailOriginals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A kept original: the raw message as it arrived. */
    record Original(long messageId, byte[] content, Instant keptAt) {}

    void keep(long messageId, byte[] raw) {
        jdbc.sql("insert into email_original (message_id, size_bytes, content, created_at) values (?, ?, ?, ?)")
                .params(messageId, raw.length, raw, Timestamp.from(clock.instant()))
                .update();
    }

    Optional<Original> of(long messageId) {
        return jdbc.sql("select content, created_at from email_original where message_id = ?")
                .param(messageId)
                .query((rs, row) -> new Original(
                        messageId, rs.getBytes(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }
}
