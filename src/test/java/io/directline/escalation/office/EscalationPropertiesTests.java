package io.directline.escalation.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.escalation.EscalationFixtures;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@code directline.escalation.*} as Spring Boot does at start-up, without starting the application. */
class EscalationPropertiesTests {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static EscalationProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("directline.escalation", Bindable.of(EscalationProperties.class));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        var properties = bind(Map.of());

        assertThat(properties).isEqualTo(EscalationFixtures.defaults());
        assertThat(validator.validate(properties)).isEmpty();
    }

    @Test
    void bindsTheExecutiveOfEachDomain() {
        var properties = bind(Map.of(
                "directline.escalation.domains.delivery", "erin",
                "directline.escalation.domains.billing", "bill",
                "directline.escalation.cooldown", "3d"));

        assertThat(properties.domains()).containsOnly(Map.entry("delivery", "erin"), Map.entry("billing", "bill"));
        assertThat(properties.cooldown()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void refusesANegativeQuotaOrCooldownAndAnEmptyWindow() {
        var properties = bind(Map.of(
                "directline.escalation.quota", "-1",
                "directline.escalation.cooldown", "-1h",
                "directline.escalation.quota-window", "0s"));

        assertThat(validator.validate(properties))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("quota", "cooldown", "quotaWindow");
    }
}
