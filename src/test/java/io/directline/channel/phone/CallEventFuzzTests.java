package io.directline.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Any call event the telephone system sends that the webhook accepts can be described to the agent. */
@Tag("fuzz")
class CallEventFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "20s")
    void acceptedCallEventsAlwaysHaveADescription(String body) {
        if (body == null) {
            return;
        }
        PhoneWebhookController.CallEvent call;
        try {
            call = JSON.readValue(body, PhoneWebhookController.CallEvent.class);
        } catch (JacksonException notACallEvent) {
            return;
        }
        if (call == null
                || call.callId() == null
                || call.callId().isBlank()
                || call.callerNumber() == null
                || call.callerNumber().isBlank()
                || !("started".equals(call.event()) || "ended".equals(call.event()))) {
            return;
        }
        assertThat(PhoneWebhookController.describe(call)).contains("Call from");
    }
}
