package io.directline.channel.outbox;

import io.directline.identity.OwnerSignInCodeIssued;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns an owner's sign-in code into an outbox row, sent at once (a code is urgent: quiet hours do not hold it
 * back, the owner just asked for it). Created once per code, however often the event is delivered.
 */
@Component
class SignInCodeQueue {

    private final OutboundMessageRepository outbox;
    private final Clock clock;

    SignInCodeQueue(OutboundMessageRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OwnerSignInCodeIssued code) {
        if (outbox.existsByIdempotencyKey(OutboundMessage.signInKey(code.codeId()))) {
            return;
        }
        outbox.save(OutboundMessage.signInCode(
                code.codeId(),
                code.customerId(),
                code.channel(),
                code.recipient(),
                code.subject(),
                code.text(),
                clock.instant()));
    }
}
