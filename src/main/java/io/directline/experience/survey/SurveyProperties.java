package io.directline.experience.survey;

import io.directline.experience.SurveyAnswered.SurveyKind;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When owners are asked how we did.
 *
 * @param surveyGap at most one survey per owner in this time
 * @param surveyExpiry how long a survey's link and digit reply are taken
 * @param surveyKind the scale asked after a resolution: CSAT (1–5) or NPS (0–10)
 */
@Validated
@ConfigurationProperties("directline.experience")
record SurveyProperties(
        @DefaultValue("14d") @NotNull Duration surveyGap,
        @DefaultValue("7d") @NotNull Duration surveyExpiry,
        @DefaultValue("CSAT") @NotNull SurveyKind surveyKind) {}
