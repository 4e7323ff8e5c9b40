package io.directline.identity.ownersettings;

import io.directline.customer.Channel;
import io.directline.customer.OwnerPreferences;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "My settings", description = "The signed-in owner's own settings and handles")
@RestController
class OwnerSettingsApiController {

    private final OwnerSettings settings;

    OwnerSettingsApiController(OwnerSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "My settings and handles")
    @GetMapping("/api/v1/me")
    OwnerSettings.SettingsView me(@AuthenticationPrincipal DirectLineUser owner) {
        return settings.of(owner.customerId());
    }

    /**
     * Changes the fields present: {@code preferredChannel}, {@code quietHours} ({@code {"from":"22:00",
     * "until":"07:00"}} or null for none), {@code timeZone}, {@code language} (null for the default).
     */
    @Operation(summary = "Change my settings (only the fields sent)")
    @PatchMapping("/api/v1/me")
    OwnerSettings.SettingsView change(@AuthenticationPrincipal DirectLineUser owner, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(null, "Send a JSON object with the settings to change.");
        }
        var current = settings.current(owner.customerId());
        var channel = current.preferredChannel();
        if (body.has("preferredChannel")) {
            channel = channel(body.get("preferredChannel"));
        }
        var from = current.quietFrom();
        var until = current.quietUntil();
        if (body.has("quietHours")) {
            var quiet = body.get("quietHours");
            if (quiet.isNull()) {
                from = null;
                until = null;
            } else if (quiet.isObject()) {
                from = time(quiet.get("from"));
                until = time(quiet.get("until"));
            } else {
                throw invalid(
                        "quietHours",
                        "quietHours is an object such as {\"from\": \"22:00\", \"until\": \"07:00\"}, or null.");
            }
        }
        var zone = body.has("timeZone") ? text(body.get("timeZone"), "timeZone") : current.timeZone();
        var language = body.has("language") ? text(body.get("language"), "language") : current.language();
        return settings.change(owner.customerId(), new OwnerPreferences(channel, from, until, zone, language));
    }

    private static Channel channel(JsonNode node) {
        var names = Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (node == null || !node.isString()) {
            throw invalid("preferredChannel", "preferredChannel is one of " + names + ".");
        }
        try {
            return Channel.valueOf(node.asString().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(
                    "preferredChannel",
                    "'" + abbreviate(node.asString()) + "' is not a channel; use one of " + names + ".");
        }
    }

    private static LocalTime time(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalTime.parse(node.asString().strip());
        } catch (DateTimeParseException e) {
            throw invalid(
                    "quietHours", "'" + abbreviate(node.asString()) + "' is not a time of day; write it as 22:00.");
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw invalid(
                    field, field + " is text, such as " + ("timeZone".equals(field) ? "Europe/Zurich" : "de-CH") + ".");
        }
        return node.asString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static ErrorResponseException invalid(String field, String detail) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid settings");
        if (field != null) {
            body.setProperty("field", field);
        }
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
    }
}
