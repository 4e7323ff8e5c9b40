package io.directline.servicecenter.appointment;

import io.directline.servicecenter.center.ServiceCenterProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder the day before a visit, on the owner's channel through the outbox (which keeps the owner's quiet
 * hours: a reminder due at night waits for them to end). Every {@code directline.servicecenter.reminder-interval} the
 * sweep reads the due rows by the indexed {@code remind_at}, a batch at a time, and claims each with
 * {@code FOR UPDATE SKIP LOCKED} in a transaction of its own, so several nodes share the work and each reminder goes
 * once.
 */
@Component
public class Reminders implements SchedulingConfigurer {

    static final int BATCH_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final VisitNotices visitNotices;
    private final ServiceCenterProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reminders(
            JdbcClient jdbc,
            Appointments appointments,
            VisitNotices visitNotices,
            ServiceCenterProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.visitNotices = visitNotices;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweepSafely, properties.reminderInterval());
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Visit reminders failed; the sweep runs again in {}", properties.reminderInterval(), e);
        }
    }

    /** Sends every reminder due now; returns how many this node sent. */
    public int sweep() {
        int sent = 0;
        while (true) {
            var due = jdbc.sql("select id from appointment where remind_at <= :now order by remind_at, id"
                            + " limit :limit")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("limit", BATCH_SIZE)
                    .query(Long.class)
                    .list();
            int taken = 0;
            for (var id : due) {
                if (Boolean.TRUE.equals(transaction.execute(tx -> remind(id)))) {
                    taken++;
                }
            }
            sent += taken;
            if (due.size() < BATCH_SIZE || taken == 0) {
                return sent;
            }
        }
    }

    private boolean remind(long id) {
        var now = Timestamp.from(clock.instant());
        List<Long> claimed = jdbc.sql("select id from appointment where id = :id and status = 'BOOKED'"
                        + " and remind_at <= :now for update skip locked")
                .param("id", id)
                .param("now", now)
                .query(Long.class)
                .list();
        if (claimed.isEmpty()) {
            // another node has it, or it was cancelled meanwhile: a cancelled row keeps no reminder
            jdbc.sql("update appointment set remind_at = null where id = :id and status <> 'BOOKED'")
                    .param("id", id)
                    .update();
            return false;
        }
        var a = appointments.get(id);
        visitNotices.reminder(a);
        jdbc.sql("update appointment set remind_at = null, reminded_at = :now where id = :id")
                .param("now", now)
                .param("id", id)
                .update();
        return true;
    }
}
