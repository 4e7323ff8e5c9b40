package io.directline.channel.outbox;

import io.directline.customer.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's view of the channels: each channel's settings as configured (secrets masked), whether
 * this node can deliver on it, what waits or failed in the outbox, and the health of every component.
 * Channels are configured by properties (environment or application.yml), so the screen shows them
 * rather than edits them.
 */
@Controller
class ChannelAdminController {

    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|token|key|credential).*");
    private static final List<String> PREFIXES = List.of("directline.channels.", "spring.mail.");

    private final OutboundMessageRepository outbox;
    private final List<OutboundSender> senders;
    private final Map<String, HealthIndicator> namedIndicators;
    private final ConfigurableEnvironment environment;

    ChannelAdminController(
            OutboundMessageRepository outbox,
            List<OutboundSender> senders,
            Map<String, HealthIndicator> namedIndicators,
            ConfigurableEnvironment environment) {
        this.outbox = outbox;
        this.senders = senders;
        this.namedIndicators = namedIndicators;
        this.environment = environment;
    }

    record ChannelRow(Channel channel, boolean canSend, long queued, long sending, long failed) {}

    record Component(String name, String status, Map<String, Object> details) {}

    record DeliveryError(Channel channel, Long caseId, String status, String error) {}

    @GetMapping("/admin/channels")
    String channels(Model model) {
        var counts = new EnumMap<Channel, Map<OutboxStatus, Long>>(Channel.class);
        outbox.countUnsent()
                .forEach(c -> counts.computeIfAbsent(c.channel(), k -> new EnumMap<>(OutboxStatus.class))
                        .put(c.status(), c.count()));
        var rows = new ArrayList<ChannelRow>();
        for (var channel : Channel.values()) {
            var byStatus = counts.getOrDefault(channel, Map.of());
            rows.add(new ChannelRow(
                    channel,
                    senders.stream().anyMatch(s -> s.channel() == channel),
                    byStatus.getOrDefault(OutboxStatus.QUEUED, 0L),
                    byStatus.getOrDefault(OutboxStatus.SENDING, 0L),
                    byStatus.getOrDefault(OutboxStatus.FAILED, 0L)));
        }
        var components = new ArrayList<Component>();
        namedIndicators.forEach((name, indicator) -> {
            var health = indicator.health();
            components.add(new Component(
                    name.replace("HealthIndicator", "").replace("HealthContributor", ""),
                    health.getStatus().getCode(),
                    health.getDetails()));
        });
        model.addAttribute("channels", rows);
        model.addAttribute("settings", settings());
        model.addAttribute(
                "errors",
                outbox.findRecentErrors(PageRequest.of(0, 10)).stream()
                        .map(o -> new DeliveryError(
                                o.getChannel(),
                                o.getCaseId(),
                                o.getStatus().name().toLowerCase(Locale.ROOT),
                                o.getLastError()))
                        .toList());
        model.addAttribute("components", components);
        return "channel/admin";
    }

    /** Every channel setting in force, secrets shown only as set or not set. */
    Map<String, String> settings() {
        var settings = new TreeMap<String, String>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (var name : enumerable.getPropertyNames()) {
                    var key = name.toLowerCase(Locale.ROOT).replace('_', '.');
                    if (PREFIXES.stream().anyMatch(key::startsWith) && !settings.containsKey(key)) {
                        var value = environment.getProperty(name);
                        settings.put(key, mask(key, value));
                    }
                }
            }
        }
        return settings;
    }

    static String mask(String key, String value) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        return SECRET.matcher(key).matches() ? "•••••• (set)" : value;
    }
}
