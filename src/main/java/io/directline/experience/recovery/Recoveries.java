package io.directline.experience.recovery;

import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.cases.SupportCase;
import io.directline.channel.Notice;
import io.directline.channel.Notices;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.experience.EntryRecorded;
import io.directline.experience.Experience;
import io.directline.identity.Role;
import io.directline.identity.StaffMember;
import io.directline.identity.UserManagement;
import io.directline.sla.Promises;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a recovery when something went wrong: a negative ledger entry starts the playbook configured for its source
 * (at most one open recovery per owner; later bad experiences during it are part of it). The steps — a supervisor's
 * callback recorded as a promise the watchdog watches, an apology that states the honest cause, a goodwill gesture —
 * run in the listener's transaction, so they are all there or none. A recovery counts as recovered when a good
 * experience brings the owner's balance back to zero or above within the recovery window, and lapses after it.
 */
@Service
@Transactional(readOnly = true)
class Recoveries {

    private static final DateTimeFormatter OWNER_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    /** How a recovery's callback promise begins, as the owner and staff read it on the case. */
    static final String CALLBACK = "We call you back to put right what went wrong";

    private static final String COLUMNS = "r.id, r.customer_id, r.case_id, r.playbook_id, p.name as playbook_name,"
            + " r.entry_id, r.status, r.balance_at_start, r.callback_promise_id, r.started_at, r.ended_at";

    private final JdbcClient jdbc;
    private final Playbooks playbooks;
    private final Goodwill goodwill;
    private final Experience experience;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final Promises promises;
    private final Notices notices;
    private final UserManagement users;
    private final RecoveryProperties properties;
    private final Clock clock;

    Recoveries(
            JdbcClient jdbc,
            Playbooks playbooks,
            Goodwill goodwill,
            Experience experience,
            CaseManagement cases,
            CustomerManagement customers,
            Promises promises,
            Notices notices,
            UserManagement users,
            RecoveryProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.playbooks = playbooks;
        this.goodwill = goodwill;
        this.experience = experience;
        this.cases = cases;
        this.customers = customers;
        this.promises = promises;
        this.notices = notices;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the playbook for a negative entry, unless one is open for the owner, none is configured for the source,
     * or this entry started one before (a replayed event starts nothing twice).
     */
    @Transactional
    Optional<Recovery> start(EntryRecorded entry) {
        if (!entry.negative()) {
            return Optional.empty();
        }
        var now = clock.instant();
        if (entry.at().isBefore(now.minus(properties.recoveryStartLimit()))) {
            return Optional.empty(); // an old experience that reaches the ledger late (an import): too late to call
        }
        var playbook = playbooks.forSource(entry.source());
        if (playbook.isEmpty()) {
            return Optional.empty();
        }
        int balance = experience.standingOf(entry.customerId()).balance();
        int inserted = jdbc.sql("insert into recovery (customer_id, case_id, playbook_id, entry_id, status,"
                        + " balance_at_start, started_at, open_owner) select :owner, cast(:caseId as bigint), :playbook,"
                        + " :entry, 'OPEN', :balance, :now, :owner from (values (1)) as one (x) where not exists"
                        + " (select 1 from recovery where open_owner = :owner or entry_id = :entry)")
                .param("owner", entry.customerId())
                .param("caseId", entry.caseId())
                .param("playbook", playbook.get().id())
                .param("entry", entry.entryId())
                .param("balance", balance)
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        var recovery = byEntry(entry.entryId()).orElseThrow();
        var supportCase = entry.caseId() == null ? Optional.<SupportCase>empty() : cases.find(entry.caseId());
        var steps = playbook.get();
        StaffMember callbackBy = null;
        Instant callbackDue = null;
        if (steps.callbackHours() != null && supportCase.isPresent()) {
            var supervisor = supervisorOf(supportCase.get());
            if (supervisor.isPresent()) {
                callbackBy = supervisor.get();
                callbackDue = now.plusSeconds(3600L * steps.callbackHours());
                var promise = promises.record(
                        supportCase.get().getId(),
                        CALLBACK + " (" + cause(entry, supportCase) + ").",
                        callbackDue,
                        callbackBy.username(),
                        Actor.system(Channel.PORTAL));
                jdbc.sql("update recovery set callback_promise_id = :promise where id = :id")
                        .param("promise", promise.getId())
                        .param("id", recovery.id())
                        .update();
            }
        }
        if (steps.goodwillAmount() != null && supportCase.isPresent()) {
            goodwill.propose(
                    recovery.id(),
                    supportCase.get().getId(),
                    entry.customerId(),
                    steps.goodwillAmount(),
                    steps.goodwillNote(),
                    "playbook:" + steps.name(),
                    false,
                    "recovery:" + recovery.id() + ":goodwill");
        }
        if (steps.apology()) {
            apologise(recovery, entry, supportCase, callbackBy, callbackDue);
        }
        return byEntry(entry.entryId());
    }

    private void apologise(
            Recovery recovery,
            EntryRecorded entry,
            Optional<SupportCase> supportCase,
            StaffMember callbackBy,
            Instant callbackDue) {
        var owner = customers.get(entry.customerId());
        var firstName = owner.getName().strip().split("\\s+")[0];
        var text = new StringBuilder("Hello ")
                .append(firstName)
                .append(",\n\nWe are sorry: ")
                .append(cause(entry, supportCase))
                .append('.');
        if (callbackBy != null) {
            var zone = ZoneId.of(owner.getTimeZone());
            text.append(" ")
                    .append(callbackBy.displayName())
                    .append(", a supervisor, will call you by ")
                    .append(OWNER_TIME.format(callbackDue.atZone(zone)))
                    .append(" (")
                    .append(zone.getId())
                    .append(") to put it right.");
        }
        text.append("\n\nThank you for your patience.");
        notices.queue(new Notice(
                entry.customerId(),
                "recovery:" + recovery.id(),
                supportCase.map(c -> "We are sorry about " + c.reference()).orElse("We are sorry"),
                text.toString(),
                "We are sorry: " + cause(entry, supportCase) + "."
                        + (callbackBy == null ? "" : " A supervisor will call you back."),
                callbackBy == null ? "Direct Line" : callbackBy.displayName(),
                supportCase.map(SupportCase::getId).orElse(null),
                "recovery:" + recovery.id() + ":apology"));
    }

    /** What honestly went wrong, told to the owner. */
    static String cause(EntryRecorded entry, Optional<SupportCase> supportCase) {
        var on = supportCase.map(c -> " on " + c.reference()).orElse("");
        return switch (entry.source()) {
            case PROMISE -> "we did not keep the promise we made you" + on;
            case FIRST_RESPONSE -> "we did not answer you" + on + " as quickly as we promised";
            case RESOLUTION -> "we did not resolve your case" + on + " as quickly as we promised";
            case DELAY_TOLD ->
                "you had to ask us about the delay of your order"
                        + (entry.orderRef() == null ? "" : " " + entry.orderRef()) + " before we told you";
            case SURVEY -> "you told us we did not handle your case" + on + " well";
            case CASE_REOPENED -> "the problem" + on + " came back after we told you it was solved";
            case ESCALATION -> "your case" + on + " had to be taken higher before it moved";
            case SERVICE_VISIT -> "your service visit did not happen on time";
            case MANUAL, FIRST_CONTACT_RESOLUTION ->
                "we let you down" + on + (entry.note() == null ? "" : " (" + entry.note() + ")");
        };
    }

    /**
     * A good experience that brings the owner's balance back to zero or above ends their open recovery as recovered
     * (within the recovery window; after it the recovery has lapsed).
     */
    @Transactional
    boolean recoverIfBack(EntryRecorded entry) {
        if (entry.negative()) {
            return false;
        }
        var now = clock.instant();
        var open = openFor(entry.customerId());
        if (open.isEmpty()
                || open.get().startedAt().isBefore(now.minus(properties.recoveryWindow()))
                || experience.standingOf(entry.customerId()).balance() < 0) {
            return false;
        }
        return jdbc.sql("update recovery set status = 'RECOVERED', ended_at = :now, open_owner = null"
                                + " where id = :id and status = 'OPEN'")
                        .param("now", Timestamp.from(now))
                        .param("id", open.get().id())
                        .update()
                > 0;
    }

    /** Ends the open recoveries past their window as lapsed; returns how many. */
    @Transactional
    int lapse() {
        var now = clock.instant();
        return jdbc.sql("update recovery set status = 'LAPSED', ended_at = :now, open_owner = null"
                        + " where status = 'OPEN' and started_at < :before")
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minus(properties.recoveryWindow())))
                .update();
    }

    Optional<Recovery> openFor(long customerId) {
        return jdbc.sql("select " + COLUMNS + " from recovery r join recovery_playbook p on p.id = r.playbook_id"
                        + " where r.open_owner = :owner")
                .param("owner", customerId)
                .query(Recoveries::recovery)
                .optional();
    }

    Optional<Recovery> byEntry(long entryId) {
        return jdbc.sql("select " + COLUMNS + " from recovery r join recovery_playbook p on p.id = r.playbook_id"
                        + " where r.entry_id = :entry")
                .param("entry", entryId)
                .query(Recoveries::recovery)
                .optional();
    }

    /** An owner's recoveries, newest first, at most {@code limit}. */
    List<Recovery> ofOwner(long customerId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from recovery r join recovery_playbook p on p.id = r.playbook_id"
                        + " where r.customer_id = :owner order by r.started_at desc, r.id desc limit :limit")
                .param("owner", customerId)
                .param("limit", limit)
                .query(Recoveries::recovery)
                .list();
    }

    /** The recoveries about a case, newest first. */
    List<Recovery> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from recovery r join recovery_playbook p on p.id = r.playbook_id"
                        + " where r.case_id = :caseId order by r.started_at desc, r.id desc")
                .param("caseId", caseId)
                .query(Recoveries::recovery)
                .list();
    }

    /** A supervisor of the case's team, else of its assignee's team, else the first supervisor. */
    private Optional<StaffMember> supervisorOf(SupportCase supportCase) {
        var supervisors = users.withRole(Role.SUPERVISOR);
        var team = Optional.ofNullable(supportCase.getTeam())
                .or(() -> Optional.ofNullable(supportCase.getAssignee())
                        .flatMap(users::staffMember)
                        .map(StaffMember::team));
        return supervisors.stream()
                .filter(s -> team.isPresent() && team.get().equals(s.team()))
                .findFirst()
                .or(() -> supervisors.stream().findFirst());
    }

    private static Recovery recovery(ResultSet rs, int n) throws SQLException {
        long caseId = rs.getLong("case_id");
        Long theCase = rs.wasNull() ? null : caseId;
        long promise = rs.getLong("callback_promise_id");
        Long callback = rs.wasNull() ? null : promise;
        var ended = rs.getTimestamp("ended_at");
        return new Recovery(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                theCase,
                rs.getLong("playbook_id"),
                rs.getString("playbook_name"),
                rs.getLong("entry_id"),
                rs.getString("status"),
                rs.getInt("balance_at_start"),
                callback,
                rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }
}
