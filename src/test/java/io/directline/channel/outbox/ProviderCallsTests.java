package io.directline.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class ProviderCallsTests {

    private static DeliveryFailure failureOf(RuntimeException e) {
        return catchThrowableOfType(
                DeliveryFailure.class,
                () -> ProviderCalls.call("P", () -> {
                    throw e;
                }));
    }

    @Test
    void aRefusalIsPermanentButBusyBrokenOrUnreachableIsTransient() {
        var refused = failureOf(HttpClientErrorException.create(
                HttpStatus.BAD_REQUEST, "Bad Request", HttpHeaders.EMPTY, "{}".getBytes(), StandardCharsets.UTF_8));
        assertThat(refused.isPermanent()).isTrue();
        assertThat(refused.getMessage()).contains("400");
        var throttled = failureOf(HttpClientErrorException.create(
                HttpStatus.TOO_MANY_REQUESTS, "Too Many", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8));
        assertThat(throttled.isPermanent()).isFalse();
        var broken = failureOf(HttpServerErrorException.create(
                HttpStatus.BAD_GATEWAY, "Bad Gateway", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8));
        assertThat(broken.isPermanent()).isFalse();
        var unreachable = failureOf(new ResourceAccessException("down", new IOException("refused")));
        assertThat(unreachable.isPermanent()).isFalse();
    }
}
