package io.directline.experience.recovery;

import io.directline.cases.CaseProblems;
import io.directline.experience.EntrySource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The recovery playbooks: configuration kept in the database, changed on the admin screen or over the API. */
@Service
@Transactional(readOnly = true)
class Playbooks {

    static final int MAX_NAME = 100;
    static final int MAX_NOTE = 300;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    private static final String COLUMNS = "id, name, trigger_source, enabled, callback_hours, apology,"
            + " goodwill_amount, goodwill_note, version, updated_by, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    Playbooks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every playbook, by name. */
    List<Playbook> all() {
        return jdbc.sql("select " + COLUMNS + " from recovery_playbook order by name")
                .query(Playbooks::playbook)
                .list();
    }

    Optional<Playbook> named(String name) {
        return jdbc.sql("select " + COLUMNS + " from recovery_playbook where name = :name")
                .param("name", name)
                .query(Playbooks::playbook)
                .optional();
    }

    /** The enabled playbook a negative entry of this source starts: its own, else the one for any source. */
    Optional<Playbook> forSource(EntrySource source) {
        return jdbc.sql("select " + COLUMNS + " from recovery_playbook where enabled = true"
                        + " and trigger_source in (:source, 'ANY')"
                        + " order by case when trigger_source = 'ANY' then 1 else 0 end limit 1")
                .param("source", source.name())
                .query(Playbooks::playbook)
                .optional();
    }

    /**
     * A playbook as typed.
     *
     * @param version the version the change was made on (to refuse a change that crossed another); null for a new one
     */
    record Change(
            String trigger,
            Boolean enabled,
            Integer callbackHours,
            Boolean apology,
            BigDecimal goodwillAmount,
            String goodwillNote,
            Long version) {}

    /** The triggers a playbook may name. */
    static List<String> triggers() {
        return Stream.concat(Arrays.stream(EntrySource.values()).map(Enum::name), Stream.of(Playbook.ANY))
                .toList();
    }

    /**
     * Creates or changes the playbook of this name. Throws a 400 problem naming the field for bad input, and a 409
     * problem when another playbook has the trigger, or the playbook changed since {@code version}.
     */
    @Transactional
    Playbook save(String name, Change change, String by) {
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw CaseProblems.invalidField("name", "A playbook needs a name of 1 to " + MAX_NAME + " characters.");
        }
        if (change == null || change.trigger() == null || !triggers().contains(change.trigger())) {
            throw CaseProblems.invalidField(
                    "trigger",
                    "trigger must be one of " + String.join(", ", triggers())
                            + (change == null || change.trigger() == null
                                    ? "."
                                    : ", not '" + clip(change.trigger()) + "'."));
        }
        if (change.callbackHours() != null && (change.callbackHours() < 1 || change.callbackHours() > 720)) {
            throw CaseProblems.invalidField(
                    "callbackHours", "callbackHours must be between 1 and 720 (30 days), or left out for no callback.");
        }
        var amount = change.goodwillAmount();
        if (amount != null && (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2)) {
            throw CaseProblems.invalidField(
                    "goodwillAmount",
                    "goodwillAmount must be more than 0 and at most 100000 dollars with at most two decimals, or left"
                            + " out for no gesture.");
        }
        var note = change.goodwillNote() == null || change.goodwillNote().isBlank()
                ? null
                : change.goodwillNote().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw CaseProblems.invalidField("goodwillNote", "goodwillNote is at most " + MAX_NOTE + " characters.");
        }
        if (amount != null && note == null) {
            throw CaseProblems.invalidField("goodwillNote", "Say what the goodwill gesture is (goodwillNote).");
        }
        boolean enabled = change.enabled() == null || change.enabled();
        var other = jdbc.sql("select name from recovery_playbook where trigger_source = :trigger and name <> :name"
                        + " and enabled = true")
                .param("trigger", change.trigger())
                .param("name", trimmed)
                .query(String.class)
                .list();
        if (enabled && !other.isEmpty()) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT,
                    "Trigger taken",
                    "The playbook '" + other.get(0) + "' already starts on " + change.trigger()
                            + "; change or disable that one, or give this one another trigger.");
        }
        var now = Timestamp.from(clock.instant());
        var existing = named(trimmed);
        var params = new java.util.HashMap<String, Object>();
        params.put("name", trimmed);
        params.put("trigger", change.trigger());
        params.put("enabled", enabled);
        params.put("callback", change.callbackHours());
        params.put("apology", change.apology() != null && change.apology());
        params.put("amount", amount);
        params.put("note", note);
        params.put("by", by);
        params.put("now", now);
        if (existing.isEmpty()) {
            jdbc.sql("insert into recovery_playbook (name, trigger_source, enabled, callback_hours, apology,"
                            + " goodwill_amount, goodwill_note, version, updated_by, updated_at) values (:name,"
                            + " :trigger, :enabled, :callback, :apology, :amount, :note, 0, :by, :now)")
                    .params(params)
                    .update();
        } else {
            long version = change.version() == null ? existing.get().version() : change.version();
            params.put("version", version);
            int updated = jdbc.sql("update recovery_playbook set trigger_source = :trigger, enabled = :enabled,"
                            + " callback_hours = :callback, apology = :apology, goodwill_amount = :amount,"
                            + " goodwill_note = :note, version = version + 1, updated_by = :by, updated_at = :now"
                            + " where name = :name and version = :version")
                    .params(params)
                    .update();
            if (updated == 0) {
                throw CaseProblems.problem(
                        HttpStatus.CONFLICT,
                        "Changed meanwhile",
                        "Someone changed the playbook '" + trimmed + "' meanwhile; look at it again and repeat"
                                + " your change.");
            }
        }
        return named(trimmed).orElseThrow();
    }

    /** Removes a playbook that started no recovery (one that did is disabled instead); false when there is none. */
    @Transactional
    boolean remove(String name, String by) {
        var existing = named(name);
        if (existing.isEmpty()) {
            return false;
        }
        long used = jdbc.sql("select count(*) from recovery where playbook_id = :id")
                .param("id", existing.get().id())
                .query(Long.class)
                .single();
        if (used > 0) {
            jdbc.sql("update recovery_playbook set enabled = false, version = version + 1, updated_by = :by,"
                            + " updated_at = :now where id = :id")
                    .param("by", by)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", existing.get().id())
                    .update();
        } else {
            jdbc.sql("delete from recovery_playbook where id = :id")
                    .param("id", existing.get().id())
                    .update();
        }
        return true;
    }

    /** How a playbook runs, in words. */
    static String describe(Playbook p) {
        var steps = Stream.of(
                        p.callbackHours() == null ? null : "a supervisor calls back within " + p.callbackHours() + " h",
                        p.apology() ? "an apology with the honest cause" : null,
                        p.goodwillAmount() == null
                                ? null
                                : "a goodwill gesture of $" + p.goodwillAmount().toPlainString() + " ("
                                        + p.goodwillNote() + ")")
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.joining(", "));
        return steps.isEmpty() ? "no step" : steps;
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static Playbook playbook(ResultSet rs, int n) throws SQLException {
        int hours = rs.getInt("callback_hours");
        Integer callback = rs.wasNull() ? null : hours;
        return new Playbook(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("trigger_source"),
                rs.getBoolean("enabled"),
                callback,
                rs.getBoolean("apology"),
                rs.getBigDecimal("goodwill_amount"),
                rs.getString("goodwill_note"),
                rs.getLong("version"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
