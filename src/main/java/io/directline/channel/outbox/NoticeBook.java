package io.directline.channel.outbox;

import io.directline.channel.Notice;
import io.directline.channel.NoticeProgress;
import io.directline.channel.Notices;
import io.directline.channel.SentNotice;
import io.directline.customer.Channel;
import io.directline.customer.Customer;
import io.directline.customer.CustomerManagement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's notices: rows of kind NOTICE with a lower priority than answers, written by batched JDBC inserts
 * (a notice is not a case message, and a broadcast queues hundreds of thousands), counted and cancelled by source.
 *
 * <p>The channel is the owner's preferred one when queued (a phone preference is sent by SMS). On the portal a
 * notice is shown at once (SENT when queued); by e-mail it carries the full text; by SMS, X and Mastodon the short
 * text, ended by a signed portal link made when it is sent. An owner in their quiet hours gets it at their end: the
 * row is due then and counted as waiting until then. An owner without an address on their channel gets nothing: the
 * row is FAILED with the reason, and the notice is still on the portal.
 */
@Component
class NoticeBook implements Notices {

    /** Rows per JDBC batch; the caller's transaction may hold several. */
    static final int BATCH = 1000;

    static final int SHORT_TEXT_MAX = 280;

    /** The increment of outbound_message_seq: Hibernate's pooled optimizer uses ids (value - 49 .. value]. */
    private static final int ID_BLOCK = 50;

    private static final Set<Channel> SHORT_CHANNELS = Set.of(Channel.SMS, Channel.X, Channel.MASTODON);

    private static final String TS = "timestamp(6) with time zone";

    private static final String INSERT = "insert into outbound_message (id, case_id, customer_id, channel, recipient,"
            + " subject, body, author, status, attempts, next_attempt_at, last_error, idempotency_key, created_at,"
            + " sent_at, version, kind, priority, source, short_text, quiet_until)"
            + " select cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as varchar(20)),"
            + " cast(? as varchar(320)), cast(? as varchar(400)), cast(? as varchar(262144)), cast(? as varchar(200)),"
            + " cast(? as varchar(12)), 0, cast(? as " + TS + "), cast(? as varchar(1000)), cast(? as varchar(200)),"
            + " cast(? as " + TS + "), cast(? as " + TS + "), 0, 'NOTICE', " + OutboundMessage.NOTICE_PRIORITY
            + ", cast(? as varchar(200)), cast(? as varchar(600)), cast(? as " + TS + ")"
            + " where not exists (select 1 from outbound_message o where o.idempotency_key = cast(? as varchar(200)))";

    private final JdbcTemplate jdbc;
    private final CustomerManagement customers;
    private final Clock clock;
    private final String nextIds;
    private final NoticeReplies replies;

    NoticeBook(DataSource dataSource, CustomerManagement customers, NoticeReplies replies, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.customers = customers;
        this.replies = replies;
        this.clock = clock;
        this.nextIds = postgres(dataSource)
                ? "select nextval('outbound_message_seq') from generate_series(1, ?)"
                : "select next value for outbound_message_seq from system_range(1, ?)";
    }

    /** Whether the data source is PostgreSQL (else H2, the embedded default). */
    static boolean postgres(DataSource dataSource) {
        try {
            String product =
                    JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
            return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            throw new IllegalStateException("The database's product name could not be read", e);
        }
    }

    @Override
    @Transactional
    public boolean queue(Notice notice) {
        return queueAll(List.of(notice)) == 1;
    }

    @Override
    @Transactional
    public int queueAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        notices.forEach(NoticeBook::check);
        // a key twice in one call is queued once (the first); keys queued before are skipped by the insert
        var seen = new java.util.HashSet<String>();
        notices = notices.stream().filter(n -> seen.add(n.idempotencyKey())).toList();
        var ids = new TreeSet<Long>();
        notices.forEach(n -> ids.add(n.customerId()));
        var owners = customers.getAll(ids);
        var unknown = new ArrayList<Long>();
        for (var id : ids) {
            if (!owners.containsKey(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("No owner has the id " + unknown.get(0)
                    + (unknown.size() > 1 ? " (nor " + (unknown.size() - 1) + " more)" : "") + ".");
        }
        var now = clock.instant();
        int queued = 0;
        for (int from = 0; from < notices.size(); from += BATCH) {
            var batch = notices.subList(from, Math.min(notices.size(), from + BATCH));
            var rows = new ArrayList<Row>(batch.size());
            var rowIds = newIds(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                var notice = batch.get(i);
                rows.add(row(rowIds[i], notice, owners.get(notice.customerId()), now));
            }
            queued += insert(rows, now);
        }
        return queued;
    }

    /** Ids for new rows from the entity's sequence, in whole blocks as Hibernate's pooled optimizer takes them. */
    private long[] newIds(int count) {
        var ids = new long[count];
        int n = 0;
        while (n < count) {
            int blocks = (count - n + ID_BLOCK - 1) / ID_BLOCK;
            for (var high : jdbc.queryForList(nextIds, Long.class, blocks)) {
                // the sequence's first value (1) starts Hibernate's first block: never take it
                if (high < ID_BLOCK) {
                    continue;
                }
                for (long id = high - ID_BLOCK + 1; id <= high && n < count; id++) {
                    ids[n++] = id;
                }
            }
        }
        return ids;
    }

    private record Row(
            long id,
            Notice notice,
            Channel channel,
            String recipient,
            String status,
            Instant nextAttemptAt,
            String lastError,
            Instant sentAt,
            String shortText,
            Instant quietUntil) {}

    private static Row row(long id, Notice notice, Customer owner, Instant now) {
        var preferred = owner.getPreferredChannel() == null ? Channel.EMAIL : owner.getPreferredChannel();
        var channel = preferred == Channel.PHONE ? Channel.SMS : preferred;
        var shortText = SHORT_CHANNELS.contains(channel) ? shortText(notice) : null;
        if (channel == Channel.PORTAL) {
            return new Row(id, notice, channel, null, OutboxStatus.SENT.name(), null, null, now, null, null);
        }
        var recipient = OutboxQueue.recipient(channel, owner);
        if (recipient == null) {
            var why = owner.getName() + " has no " + describe(channel) + "; the notice is only in the portal.";
            return new Row(id, notice, channel, null, OutboxStatus.FAILED.name(), null, why, null, shortText, null);
        }
        var quietEnd = OutboxQueue.endOfQuietHours(owner, now);
        return new Row(
                id,
                notice,
                channel,
                recipient,
                OutboxStatus.QUEUED.name(),
                quietEnd == null ? now : quietEnd,
                null,
                null,
                shortText,
                quietEnd);
    }

    private int insert(List<Row> rows, Instant now) {
        var counts = jdbc.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> bind(ps, row, now));
        int inserted = 0;
        for (var batch : counts) {
            for (int count : batch) {
                if (count > 0) {
                    inserted += count;
                }
            }
        }
        return inserted;
    }

    private static void bind(PreparedStatement ps, Row row, Instant createdAt) throws SQLException {
        var n = row.notice();
        int i = 1;
        ps.setLong(i++, row.id());
        if (n.caseId() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, n.caseId());
        }
        ps.setLong(i++, n.customerId());
        ps.setString(i++, row.channel().name());
        ps.setString(i++, row.recipient());
        ps.setString(i++, n.subject());
        ps.setString(i++, n.fullText());
        ps.setString(i++, n.author());
        ps.setString(i++, row.status());
        setInstant(ps, i++, row.nextAttemptAt());
        ps.setString(i++, row.lastError());
        ps.setString(i++, n.idempotencyKey());
        setInstant(ps, i++, createdAt);
        setInstant(ps, i++, row.sentAt());
        ps.setString(i++, n.source());
        ps.setString(i++, row.shortText());
        setInstant(ps, i++, row.quietUntil());
        ps.setString(i, n.idempotencyKey());
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public NoticeProgress progress(String source) {
        long queued = 0, waiting = 0, sent = 0, failed = 0, cancelled = 0;
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var rows = jdbc.queryForList(
                "select status, count(*) as n, count(case when quiet_until > ? then 1 end) as waiting"
                        + " from outbound_message where source = ? group by status",
                now,
                source);
        for (var row : rows) {
            long count = ((Number) row.get("n")).longValue();
            long quiet = ((Number) row.get("waiting")).longValue();
            switch (OutboxStatus.valueOf((String) row.get("status"))) {
                case QUEUED, SENDING -> {
                    waiting += quiet;
                    queued += count - quiet;
                }
                case SENT -> sent += count;
                case FAILED -> failed += count;
                case CANCELLED -> cancelled += count;
            }
        }
        return new NoticeProgress(queued, waiting, sent, failed, cancelled);
    }

    /**
     * Cancels the queued rows of the source and those claimed but not yet sent: a node that claimed one sees its
     * version changed and does not send it; one whose provider took it already records it as sent after all.
     */
    @Override
    @Transactional
    public int cancel(String source) {
        return jdbc.update(
                "update outbound_message set status = 'CANCELLED', next_attempt_at = null, version = version + 1"
                        + " where source = ? and status in ('QUEUED', 'SENDING')",
                source);
    }

    @Override
    @Transactional
    public long caseForReply(long noticeId, long customerId) {
        return replies.caseForPortalReply(noticeId, customerId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SentNotice> ofOwner(long customerId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        var now = clock.instant();
        return jdbc.query(
                "select id, source, subject, body, author, channel, status, case_id, created_at, sent_at,"
                        + " quiet_until from outbound_message where customer_id = ? and kind = 'NOTICE'"
                        + " order by created_at desc, id desc fetch first ? rows only",
                (rs, i) -> {
                    var status = OutboxStatus.valueOf(rs.getString("status"));
                    var quietUntil = instant(rs.getObject("quiet_until", OffsetDateTime.class));
                    long caseId = rs.getLong("case_id");
                    Long theCase = rs.wasNull() ? null : caseId;
                    return new SentNotice(
                            rs.getLong("id"),
                            rs.getString("source"),
                            rs.getString("subject"),
                            rs.getString("body"),
                            rs.getString("author"),
                            Channel.valueOf(rs.getString("channel")),
                            shown(status, quietUntil, now),
                            theCase,
                            instant(rs.getObject("created_at", OffsetDateTime.class)),
                            instant(rs.getObject("sent_at", OffsetDateTime.class)));
                },
                customerId,
                limit);
    }

    private static String shown(OutboxStatus status, Instant quietUntil, Instant now) {
        return switch (status) {
            case QUEUED, SENDING -> quietUntil != null && quietUntil.isAfter(now) ? "WAITING" : "QUEUED";
            case SENT -> "SENT";
            case FAILED -> "FAILED";
            case CANCELLED -> "CANCELLED";
        };
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The short text as given, or the full text cut at a word to at most {@link #SHORT_TEXT_MAX} characters. */
    static String shortText(Notice notice) {
        if (notice.shortText() != null && !notice.shortText().isBlank()) {
            return notice.shortText().strip();
        }
        var text = notice.fullText().strip().replaceAll("\\s+", " ");
        if (text.length() <= SHORT_TEXT_MAX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SHORT_TEXT_MAX - 1);
        if (cut < SHORT_TEXT_MAX / 2) {
            cut = SHORT_TEXT_MAX - 1;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    private static String describe(Channel channel) {
        return switch (channel) {
            case EMAIL -> "e-mail address";
            case SMS, PHONE -> "phone number";
            case X -> "X handle";
            case MASTODON -> "Mastodon handle";
            case PORTAL -> "portal";
        };
    }

    private static void check(Notice n) {
        require(n.source(), "a source", 200);
        require(n.subject(), "a subject", 400);
        require(n.fullText(), "a full text", 262_144);
        require(n.author(), "an author", 200);
        require(n.idempotencyKey(), "an idempotency key", 200);
        if (n.shortText() != null && n.shortText().strip().length() > SHORT_TEXT_MAX) {
            throw new IllegalArgumentException("A notice's short text is at most " + SHORT_TEXT_MAX
                    + " characters; this one has " + n.shortText().strip().length() + ".");
        }
    }

    private static void require(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A notice needs " + what + ".");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("A notice's " + what.substring(what.indexOf(' ') + 1) + " is at most "
                    + max + " characters; this one has " + value.length() + ".");
        }
    }
}
