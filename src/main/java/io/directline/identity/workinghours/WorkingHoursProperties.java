package io.directline.identity.workinghours;

import jakarta.validation.constraints.NotBlank;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When staff work, for those whose own working hours are not set.
 *
 * @param defaultWorkHours weekly working hours, such as {@code MON-FRI 08:00-17:00} (see {@link WorkingHours})
 * @param defaultWorkTimeZone the time zone those hours are in
 */
@Validated
@ConfigurationProperties("directline.identity")
public record WorkingHoursProperties(
        @DefaultValue("MON-FRI 08:00-17:00") @NotBlank String defaultWorkHours,
        @DefaultValue("America/New_York") @NotBlank String defaultWorkTimeZone) {

    public WorkingHoursProperties {
        // refused at start-up, with the sentence saying how to write them
        WorkingHours.parse(defaultWorkHours);
        ZoneId.of(defaultWorkTimeZone);
    }

    public WorkingHours hours() {
        return WorkingHours.parse(defaultWorkHours);
    }

    public ZoneId zone() {
        return ZoneId.of(defaultWorkTimeZone);
    }
}
