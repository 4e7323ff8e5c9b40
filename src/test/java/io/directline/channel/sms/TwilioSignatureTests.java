package io.directline.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's own published example from its request-validation documentation and libraries. */
class TwilioSignatureTests {

    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final List<Map.Entry<String, String>> PARAMS = List.of(
            Map.entry("CallSid", "CA1234567890ABCDE"),
            Map.entry("Caller", "+14158675309"),
            Map.entry("Digits", "1234"),
            Map.entry("From", "+14158675309"),
            Map.entry("To", "+18005551212"));

    @Test
    void matchesTwiliosDocumentedExample() {
        assertThat(TwilioSignature.of("12345", URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void theOrderOfTheParametersMakesNoDifferenceButTheirValuesDo() {
        var reversed = new java.util.ArrayList<>(PARAMS);
        java.util.Collections.reverse(reversed);
        assertThat(TwilioSignature.of("12345", URL, reversed)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        var tampered = new java.util.ArrayList<>(PARAMS);
        tampered.set(2, Map.entry("Digits", "9999"));
        assertThat(TwilioSignature.of("12345", URL, tampered)).isNotEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(TwilioSignature.of("12345", URL.replace("bar=2", "bar=3"), PARAMS))
                .isNotEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }
}
