package io.directline.channel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.cases.CaseManagement;
import io.directline.cases.MessageReceived;
import io.directline.cases.SupportCase;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * An SMS that meets a conflict while it is taken in (its case changed by someone else at the same moment)
 * is not lost: the whole intake transaction runs again and stores the message once.
 */
@SpringBootTest
class IntakeConflictTests {

    /** Set by a test: the next message received on SMS fails at commit as if its case had changed. */
    static final AtomicBoolean CONFLICT_NEXT = new AtomicBoolean();

    @TestConfiguration
    static class Conflicts {
        @Bean
        ConflictOnce conflictOnce() {
            return new ConflictOnce();
        }
    }

    static class ConflictOnce {
        @EventListener
        void on(MessageReceived received) {
            if (received.channel() == Channel.SMS && CONFLICT_NEXT.compareAndSet(true, false)) {
                // what the commit throws when another transaction changed the case in between
                throw new ObjectOptimisticLockingFailureException(SupportCase.class, received.caseId());
            }
        }
    }

    @Autowired
    Intake intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    private static InboundMessage sms(String from, String text) {
        return new InboundMessage(
                Channel.SMS,
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                from,
                null,
                null,
                text,
                List.of(),
                null,
                false);
    }

    @Test
    void aMessageThatMeetsAConflictIsTakenInOnRetryAndStoredOnce() {
        var from = "+1737" + (1_000_000 + (int) (Math.random() * 8_999_999));

        CONFLICT_NEXT.set(true);
        var first = intake.accept(sms(from, "My wipers squeak."));

        assertThat(CONFLICT_NEXT.get()).as("a conflict was forced").isFalse();
        assertThat(first.duplicate()).isFalse();
        assertThat(first.newCase()).isTrue();
        assertThat(cases.conversation(first.caseId(), true)).hasSize(1);

        // the owner writes again while the case changes: the message joins the case, once
        CONFLICT_NEXT.set(true);
        var second = intake.acceptIntoActiveCase(sms(from, "Also the left one."));

        assertThat(CONFLICT_NEXT.get()).as("a conflict was forced").isFalse();
        assertThat(second.caseId()).isEqualTo(first.caseId());
        assertThat(cases.conversation(first.caseId(), true)).hasSize(2);
        assertThat(customers.findByHandle(Channel.SMS, from)).isPresent();
    }
}
