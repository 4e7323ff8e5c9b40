package io.directline.channel.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The attachments listed for each e-mail taken in, by case message. */
@Component
class EmailAttachments {

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailAttachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long messageId, List<MimeMessages.Attachment> attachments) {
        var now = Timestamp.from(clock.instant());
        for (var attachment : attachments) {
            jdbc.sql("""
                            insert into email_attachment
                                (message_id, file_name, content_type, size_bytes, over_limit, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            messageId,
                            attachment.name(),
                            attachment.contentType(),
                            attachment.size(),
                            attachment.overLimit(),
                            now)
                    .update();
        }
    }

    List<MimeMessages.Attachment> of(long messageId) {
        return jdbc.sql("""
                        select file_name, content_type, size_bytes, over_limit from email_attachment
                        where message_id = ? order by id""")
                .param(messageId)
                .query((rs, row) ->
                        new MimeMessages.Attachment(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)))
                .list();
    }
}
