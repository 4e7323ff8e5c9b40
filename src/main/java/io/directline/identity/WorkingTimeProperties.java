package io.directline.identity;

import jakarta.validation.constraints.NotBlank;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When staff work, for those whose own working hours are not set.
 *
 * @param defaultWorkHours weekly working hours, such as {@code MON-FRI 08:00-17:00} (see {@link WorkSchedule})
 * @param defaultWorkTimeZone the time zone those hours are in
 */
@Validated
@ConfigurationProperties("directline.identity")
record WorkingTimeProperties(
        @DefaultValue("MON-FRI 08:00-17:00") @NotBlank String defaultWorkHours,
        @DefaultValue("America/New_York") @NotBlank String defaultWorkTimeZone) {

    WorkingTimeProperties {
        // refused at start-up, with the sentence saying how to write them
        WorkSchedule.parse(defaultWorkHours);
        ZoneId.of(defaultWorkTimeZone);
    }

    WorkSchedule schedule() {
        return WorkSchedule.parse(defaultWorkHours);
    }

    ZoneId zone() {
        return ZoneId.of(defaultWorkTimeZone);
    }
}
