package io.directline.channel.outbox;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseProblems;
import io.directline.cases.CaseStatus;
import io.directline.channel.NoticeReplyCases;
import io.directline.channel.NoticeReplyCases.RepliedNotice;
import io.directline.customer.Channel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which case an owner's reply to a notice threads into. A notice is recognised by the Message-ID an e-mail reply
 * names (In-Reply-To or References), by being the last thing texted to the owner within
 * {@code directline.channels.outbox.notice-reply-window} for a text message, or by its id for a reply on the portal.
 * A notice with a case of its own (a personal note) threads into that case while it is open; any other is handed to
 * the {@link NoticeReplyCases} of the module that sent it, which opens (or reuses) a case about the sending.
 */
@Component
public class NoticeReplies {

    private static final String COLUMNS =
            "select id, customer_id, source, subject, body, case_id from outbound_message";

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseManagement cases;
    private final List<NoticeReplyCases> replyCases;
    private final ChannelsProperties properties;
    private final Clock clock;

    NoticeReplies(
            DataSource dataSource,
            CaseManagement cases,
            List<NoticeReplyCases> replyCases,
            ChannelsProperties properties,
            Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.cases = cases;
        this.replyCases = replyCases;
        this.properties = properties;
        this.clock = clock;
    }

    private record Row(long id, long customerId, String source, String subject, String body, Long caseId) {}

    private static final RowMapper<Row> ROW = (rs, i) -> {
        long caseId = rs.getLong("case_id");
        Long theCase = rs.wasNull() ? null : caseId;
        return new Row(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getString("source"),
                rs.getString("subject"),
                rs.getString("body"),
                theCase);
    };

    /**
     * The case an owner's message on {@code channel} threads into because it answers a notice sent to them: by e-mail
     * one whose Message-ID it names among {@code threadKeys}, by SMS the last message texted to them when it was a
     * notice within the reply window. Empty when it answers no notice of theirs (or nothing takes the reply in).
     */
    public Optional<Long> caseForReply(Channel channel, long ownerId, List<String> threadKeys) {
        Optional<Row> notice = switch (channel) {
            case EMAIL -> repliedByEmail(ownerId, threadKeys);
            case SMS -> lastTexted(ownerId);
            default -> Optional.empty();
        };
        return notice.flatMap(this::caseOf);
    }

    /**
     * The case the owner's reply on the portal to their notice threads into, opened if needed. Throws a 404 problem
     * for a notice that is not theirs, and a 409 problem when nothing takes a reply to it in.
     */
    public long caseForPortalReply(long noticeId, long ownerId) {
        var notice = jdbc
                .query(
                        COLUMNS + " where id = :id and customer_id = :owner and kind = 'NOTICE'",
                        new MapSqlParameterSource("id", noticeId).addValue("owner", ownerId),
                        ROW)
                .stream()
                .findFirst()
                .orElseThrow(() -> CaseProblems.problem(
                        HttpStatus.NOT_FOUND, "Notice not found", "You have no notice with number " + noticeId + "."));
        return caseOf(notice)
                .orElseThrow(() -> CaseProblems.problem(
                        HttpStatus.CONFLICT,
                        "This notice takes no reply",
                        "A reply to this notice cannot be taken in here; please write to us from the portal's"
                                + " new-case form instead."));
    }

    private Optional<Row> repliedByEmail(long ownerId, List<String> threadKeys) {
        var keys = threadKeys.stream()
                .filter(k -> k != null && !k.isBlank() && k.length() <= 400)
                .distinct()
                .limit(20)
                .toList();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        // the latest notice it names: a reply quotes the chain, the newest key last
        return jdbc
                .query(
                        COLUMNS + " where provider_id in (:keys) and customer_id = :owner and kind = 'NOTICE'"
                                + " order by sent_at desc, id desc",
                        new MapSqlParameterSource("keys", keys).addValue("owner", ownerId),
                        ROW)
                .stream()
                .findFirst();
    }

    private Optional<Row> lastTexted(long ownerId) {
        var since = OffsetDateTime.ofInstant(clock.instant().minus(properties.noticeReplyWindow()), ZoneOffset.UTC);
        return jdbc
                .query(
                        "select id, customer_id, source, subject, body, case_id, kind from outbound_message"
                                + " where customer_id = :owner and channel = 'SMS' and status = 'SENT'"
                                + " and sent_at >= :since order by sent_at desc, id desc fetch first 1 rows only",
                        new MapSqlParameterSource("owner", ownerId).addValue("since", since),
                        (rs, i) -> "NOTICE".equals(rs.getString("kind")) ? ROW.mapRow(rs, i) : null)
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private Optional<Long> caseOf(Row notice) {
        if (notice.caseId() != null) {
            var own = cases.findForOwner(notice.caseId(), notice.customerId())
                    .filter(c -> c.getStatus() != CaseStatus.CLOSED);
            if (own.isPresent()) {
                return Optional.of(own.get().getId());
            }
        }
        if (notice.source() == null) {
            return Optional.empty();
        }
        var replied = new RepliedNotice(notice.customerId(), notice.source(), notice.subject(), notice.body());
        for (var handler : replyCases) {
            var found = handler.caseFor(replied);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
