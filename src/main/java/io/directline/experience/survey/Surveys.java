package io.directline.experience.survey;

import io.directline.cases.CaseManagement;
import io.directline.cases.CaseProblems;
import io.directline.cases.CaseStatus;
import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.channel.ShortAnswers;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.experience.SurveyAnswered;
import io.directline.experience.SurveyAnswered.SurveyKind;
import io.directline.experience.SurveyHistory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks owners how we did after a resolution, on their channel, and takes the answer once: by the one-click link in
 * the e-mail (a random token only the owner received), by a digit replied by SMS, or on the portal. At most one survey
 * per owner per {@code directline.experience.survey-gap}, and none while a recovery is open for them (we do not ask
 * how we did while we are still putting it right). Each answer is published as {@link SurveyAnswered}, which the
 * ledger records.
 */
@Service
@Transactional(readOnly = true)
public class Surveys implements ShortAnswers, SurveyHistory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DIGITS = Pattern.compile("^\\s*(\\d{1,2})\\s*[.!]?\\s*$");
    private static final String COLUMNS = "id, customer_id, case_id, kind, channel, sent_at, expires_at, answered_at,"
            + " score, answered_on, answer_key";

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final Notices notices;
    private final SurveyProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String portalUrl;

    Surveys(
            JdbcClient jdbc,
            CaseManagement cases,
            CustomerManagement customers,
            Notices notices,
            SurveyProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${directline.portal-url:http://localhost:8080}") String portalUrl) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.customers = customers;
        this.notices = notices;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    /** Why no survey went out after a resolution, or that one did. */
    enum Offer {
        SENT,
        NOT_RESOLVED,
        ASKED_RECENTLY,
        RECOVERY_OPEN,
        ASKED_BEFORE
    }

    /**
     * Asks the owner of a just-resolved case how we did, on their channel, unless they were asked within the survey
     * gap, a recovery is open for them, or this case was surveyed before (a replayed event sends nothing twice).
     */
    @Transactional
    public Offer offerAfterResolution(long caseId) {
        var resolved = cases.find(caseId).filter(c -> c.getStatus() == CaseStatus.RESOLVED);
        if (resolved.isEmpty()) {
            return Offer.NOT_RESOLVED;
        }
        var supportCase = resolved.get();
        long owner = supportCase.getCustomerId();
        var now = clock.instant();
        if (askedSince(owner, now.minus(properties.surveyGap()))) {
            return Offer.ASKED_RECENTLY;
        }
        if (recoveryOpen(owner)) {
            return Offer.RECOVERY_OPEN;
        }
        var customer = customers.get(owner);
        var token = newToken();
        int inserted = jdbc.sql("insert into survey (customer_id, case_id, kind, channel, token_hash, sent_at,"
                        + " expires_at) select :owner, :caseId, :kind, :channel, :hash, :now, :expires"
                        + " from (values (1)) as one (x)"
                        + " where not exists (select 1 from survey where case_id = :caseId)")
                .param("owner", owner)
                .param("caseId", caseId)
                .param("kind", properties.surveyKind().name())
                .param("channel", customer.getPreferredChannel().name())
                .param("hash", hash(token))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.surveyExpiry())))
                .update();
        if (inserted == 0) {
            return Offer.ASKED_BEFORE;
        }
        var survey = ofCase(caseId).orElseThrow();
        var reference = supportCase.reference();
        var firstName = customer.getName().strip().split("\\s+")[0];
        notices.queue(new Notice(
                owner,
                "survey:" + survey.id(),
                "How did we do on " + reference + "?",
                fullText(survey, firstName, reference, supportCase.getSubject(), token),
                survey.question(reference) + " Reply with one number, " + survey.scale() + ".",
                "Direct Line",
                caseId,
                "survey:" + survey.id()));
        return Offer.SENT;
    }

    private String fullText(Survey survey, String firstName, String reference, String subject, String token) {
        var text = new StringBuilder("Hello ")
                .append(firstName)
                .append(",\n\nWe resolved your case ")
                .append(reference)
                .append(" (")
                .append(subject)
                .append("). ")
                .append(survey.question(reference))
                .append("\n\nOne click answers:\n\n");
        for (int score = survey.max(); score >= survey.min(); score--) {
            text.append("  ")
                    .append(score)
                    .append(": ")
                    .append(link(token, score))
                    .append('\n');
        }
        return text.append("\nThe links are yours alone: they work once, for ")
                .append(properties.surveyExpiry().toDays())
                .append(" days, and sign you in to nothing. You can also answer in your portal: ")
                .append(portalUrl)
                .append("/portal/surveys")
                .toString();
    }

    /** The survey page for a token and a score the owner clicked. */
    String link(String token, int score) {
        return portalUrl + "/survey/" + token + "?score=" + score;
    }

    /** What became of an answer. */
    sealed interface Answer {
        /** Open for an answer. */
        record Open(Survey survey) implements Answer {}
        /** Recorded now. */
        record Recorded(Survey survey, int score) implements Answer {}
        /** No survey has this token: forged, mistyped or cut short. */
        record Unknown() implements Answer {}
        /** Answered before; the first answer stands. */
        record AlreadyAnswered(Survey survey) implements Answer {}
        /** Past its expiry. */
        record Expired(Survey survey) implements Answer {}
    }

    /** The survey a token opens, unless it is forged, used or expired (each told as its {@link Answer}). */
    Answer open(String token) {
        var found = byToken(token);
        if (found.isEmpty()) {
            return new Answer.Unknown();
        }
        var survey = found.get();
        if (survey.answered()) {
            return new Answer.AlreadyAnswered(survey);
        }
        if (survey.expired(clock.instant())) {
            return new Answer.Expired(survey);
        }
        return new Answer.Open(survey);
    }

    /**
     * Takes the answer a link's token carries. Throws a 400 problem for a score outside the survey's scale (nothing
     * recorded).
     */
    @Transactional
    Answer answerByToken(String token, Integer score) {
        var opened = open(token);
        if (!(opened instanceof Answer.Open open)) {
            return opened;
        }
        return record(open.survey(), requireFits(open.survey(), score), "email-link", null);
    }

    /**
     * Takes an owner's answer on the portal: a 404 problem for a survey that is not theirs, a 409 problem for one
     * answered before or expired, a 400 problem for a score outside its scale.
     */
    @Transactional
    Answer answerOnPortal(long surveyId, long customerId, Integer score) {
        var survey = byId(surveyId)
                .filter(s -> s.customerId() == customerId)
                .orElseThrow(() -> CaseProblems.problem(
                        HttpStatus.NOT_FOUND, "Survey not found", "You have no survey with number " + surveyId + "."));
        if (survey.answered()) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT, "Answered before", "You answered this survey before; thank you.");
        }
        if (survey.expired(clock.instant())) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT, "Survey closed", "This survey closed; we do not take answers to it any more.");
        }
        return record(survey, requireFits(survey, score), "portal", null);
    }

    /** A digit replied by SMS to the owner's open survey, taken once (the same message id again is the same). */
    @Override
    @Transactional
    public Optional<Long> take(long customerId, Channel channel, String body, String messageId) {
        if (channel != Channel.SMS || body == null) {
            return Optional.empty();
        }
        var digits = DIGITS.matcher(body);
        if (!digits.matches()) {
            return Optional.empty();
        }
        var key = "sms:" + messageId;
        var before = jdbc.sql("select " + COLUMNS + " from survey where customer_id = :owner and answer_key = :key")
                .param("owner", customerId)
                .param("key", key)
                .query(Surveys::survey)
                .optional();
        if (before.isPresent()) {
            return Optional.of(before.get().caseId());
        }
        int score = Integer.parseInt(digits.group(1));
        var now = clock.instant();
        var open = jdbc.sql("select " + COLUMNS + " from survey where customer_id = :owner and sent_at >= :since"
                        + " and answered_at is null and expires_at > :now order by sent_at desc, id desc limit 1")
                .param("owner", customerId)
                .param("since", Timestamp.from(now.minus(properties.surveyExpiry())))
                .param("now", Timestamp.from(now))
                .query(Surveys::survey)
                .optional()
                .filter(s -> s.fits(score));
        if (open.isEmpty()) {
            return Optional.empty();
        }
        if (record(open.get(), score, "sms", key) instanceof Answer.Recorded) {
            return Optional.of(open.get().caseId());
        }
        return Optional.empty();
    }

    private Answer record(Survey survey, int score, String on, String key) {
        var now = clock.instant();
        int updated = jdbc.sql("update survey set answered_at = :now, score = :score, answered_on = :on,"
                        + " answer_key = :key where id = :id and answered_at is null")
                .param("now", Timestamp.from(now))
                .param("score", score)
                .param("on", on)
                .param("key", key)
                .param("id", survey.id())
                .update();
        if (updated == 0) {
            return new Answer.AlreadyAnswered(survey);
        }
        events.publishEvent(
                new SurveyAnswered(survey.id(), survey.customerId(), survey.caseId(), survey.kind(), score, on, now));
        return new Answer.Recorded(survey, score);
    }

    private static int requireFits(Survey survey, Integer score) {
        if (score == null || !survey.fits(score)) {
            throw CaseProblems.invalidField(
                    "score",
                    "The score must be a whole number from " + survey.scale()
                            + (score == null ? "." : ", not " + score + "."));
        }
        return score;
    }

    @Override
    @Transactional
    public boolean importAnswered(
            long caseId, SurveyKind kind, int score, String channel, Instant sentAt, Instant answeredAt) {
        var probe = new Survey(0, 0, caseId, kind, channel, sentAt, sentAt, null, null, null, null);
        if (!probe.fits(score)) {
            throw new IllegalArgumentException("A " + kind + " score is " + probe.scale() + ", not " + score + ".");
        }
        if (answeredAt.isBefore(sentAt)) {
            throw new IllegalArgumentException("An answer cannot come before its question.");
        }
        var supportCase = cases.get(caseId);
        int inserted = jdbc.sql("insert into survey (customer_id, case_id, kind, channel, sent_at, expires_at,"
                        + " answered_at, score, answered_on) select :owner, :caseId, :kind, :channel, :sent,"
                        + " :expires, :answered, :score, :on from (values (1)) as one (x)"
                        + " where not exists (select 1 from survey where case_id = :caseId)")
                .param("owner", supportCase.getCustomerId())
                .param("caseId", caseId)
                .param("kind", kind.name())
                .param(
                        "channel",
                        customers
                                .get(supportCase.getCustomerId())
                                .getPreferredChannel()
                                .name())
                .param("sent", Timestamp.from(sentAt))
                .param("expires", Timestamp.from(sentAt.plus(properties.surveyExpiry())))
                .param("answered", Timestamp.from(answeredAt))
                .param("score", score)
                .param("on", channel)
                .update();
        if (inserted == 0) {
            return false;
        }
        long id = ofCase(caseId).orElseThrow().id();
        events.publishEvent(
                new SurveyAnswered(id, supportCase.getCustomerId(), caseId, kind, score, channel, answeredAt));
        return true;
    }

    /** The owner's surveys still open for an answer, newest first. */
    List<Survey> openFor(long customerId) {
        var now = clock.instant();
        return jdbc.sql("select " + COLUMNS + " from survey where customer_id = :owner and sent_at >= :since"
                        + " and answered_at is null and expires_at > :now order by sent_at desc, id desc")
                .param("owner", customerId)
                .param("since", Timestamp.from(now.minus(properties.surveyExpiry())))
                .param("now", Timestamp.from(now))
                .query(Surveys::survey)
                .list();
    }

    /** An owner's surveys, newest first, at most {@code limit}. */
    List<Survey> ofOwner(long customerId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from survey where customer_id = :owner order by sent_at desc, id desc"
                        + " limit :limit")
                .param("owner", customerId)
                .param("limit", limit)
                .query(Surveys::survey)
                .list();
    }

    Optional<Survey> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from survey where case_id = :caseId")
                .param("caseId", caseId)
                .query(Surveys::survey)
                .optional();
    }

    Optional<Survey> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from survey where id = :id")
                .param("id", id)
                .query(Surveys::survey)
                .optional();
    }

    private Optional<Survey> byToken(String token) {
        if (token == null || token.length() != 32 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from survey where token_hash = :hash")
                .param("hash", hash(token))
                .query(Surveys::survey)
                .optional();
    }

    private boolean askedSince(long owner, Instant since) {
        return jdbc.sql("select count(*) from survey where customer_id = :owner and sent_at > :since")
                        .param("owner", owner)
                        .param("since", Timestamp.from(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean recoveryOpen(long owner) {
        return jdbc.sql("select count(*) from recovery where open_owner = :owner")
                        .param("owner", owner)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** 192 random bits, URL-safe: 32 characters. */
    static String newToken() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Survey survey(ResultSet rs, int n) throws SQLException {
        var answered = rs.getTimestamp("answered_at");
        int score = rs.getInt("score");
        Integer scored = rs.wasNull() ? null : score;
        return new Survey(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getLong("case_id"),
                SurveyKind.valueOf(rs.getString("kind")),
                rs.getString("channel"),
                rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                answered == null ? null : answered.toInstant(),
                scored,
                rs.getString("answered_on"),
                rs.getString("answer_key"));
    }
}
