package io.directline.sla.policy;

import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import io.directline.sla.ClockKind;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The admin's screen for SLA policies: every policy with what it applies to, its targets and calendar, a
 * form to define a new one or change one, and retiring. A refused form comes back as typed, with the
 * refusal's sentence next to it. Longer than 300 lines: one target field per clock kind and a calendar of seven
 * days make the form wide, and reading it back as typed after a refusal needs every field once more; the
 * rules themselves live in {@link SlaPolicies} and {@link BusinessCalendar}.
 */
@Controller
@RequestMapping("/admin/sla-policies")
class SlaPolicyPageController {

    private final SlaPolicies policies;

    SlaPolicyPageController(SlaPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    String list(Model model) {
        return page(model, PolicyForm.empty(), null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        return page(model, PolicyForm.of(policies.get(id)), id);
    }

    @PostMapping
    String create(@ModelAttribute PolicyForm form, Model model, HttpServletResponse response) {
        try {
            policies.create(form.draft());
        } catch (ErrorResponseException e) {
            return refused(e, form, null, model, response);
        }
        return "redirect:/admin/sla-policies";
    }

    @PostMapping("/{id}")
    String replace(@PathVariable long id, @ModelAttribute PolicyForm form, Model model, HttpServletResponse response) {
        try {
            policies.replace(id, form.draft());
        } catch (ErrorResponseException e) {
            return refused(e, form, id, model, response);
        }
        return "redirect:/admin/sla-policies";
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id) {
        policies.retire(id);
        return "redirect:/admin/sla-policies";
    }

    private String refused(
            ErrorResponseException e, PolicyForm form, Long editing, Model model, HttpServletResponse response) {
        if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
            throw e;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("refusal", e.getBody().getDetail());
        return page(model, form, editing);
    }

    private String page(Model model, PolicyForm form, Long editing) {
        model.addAttribute("policies", policies.all().stream().map(Row::of).toList());
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("days", DayOfWeek.values());
        return "sla/policies";
    }

    /** One line of the table, in words. */
    record Row(long id, String name, String appliesTo, String targets, String calendar, boolean active) {

        static Row of(SlaPolicy p) {
            return new Row(p.getId(), p.getName(), appliesTo(p), targets(p), calendar(p), p.isActive());
        }

        private static String appliesTo(SlaPolicy p) {
            var criteria = Stream.of(
                            p.getChannel(), p.getPriority(), p.getTier() == null ? null : p.getTier() + " owners")
                    .filter(Objects::nonNull)
                    .map(String::valueOf)
                    .collect(Collectors.joining(" · "));
            return criteria.isEmpty() ? "every case" : criteria;
        }

        private static String targets(SlaPolicy p) {
            var parts = new ArrayList<String>();
            for (var kind : ClockKind.values()) {
                var target = p.target(kind);
                if (target != null) {
                    parts.add(label(kind) + " " + SlaPolicyViews.human(target));
                }
            }
            return String.join(" · ", parts);
        }

        private static String label(ClockKind kind) {
            return switch (kind) {
                case FIRST_RESPONSE -> "first response";
                case NEXT_RESPONSE -> "next response";
                case RESOLUTION -> "resolution";
            };
        }

        /** "Europe/Berlin: Mon–Fri 09:00-12:00, 13:00-17:00 · 2 holidays", or "24/7 (UTC)". */
        private static String calendar(SlaPolicy p) {
            var hours = SlaPolicyViews.hours(p);
            if (hours == null) {
                return "24/7 (" + p.getZone().getId() + ")";
            }
            var runs = new ArrayList<String>();
            var days = DayOfWeek.values();
            for (int i = 0; i < days.length; ) {
                var intervals = hours.get(days[i].name());
                int j = i;
                while (j + 1 < days.length && Objects.equals(hours.get(days[j + 1].name()), intervals)) {
                    j++;
                }
                if (intervals != null) {
                    runs.add(shortName(days[i]) + (j > i ? "–" + shortName(days[j]) : "") + " "
                            + String.join(", ", intervals));
                }
                i = j + 1;
            }
            int holidays = p.holidayDates().size();
            return p.getZone().getId() + ": " + String.join("; ", runs)
                    + (holidays == 0 ? "" : " · " + holidays + (holidays == 1 ? " holiday" : " holidays"));
        }

        private static String shortName(DayOfWeek day) {
            return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }
    }

    /** The form as typed: a text field of intervals per weekday, holidays separated by commas. */
    public static class PolicyForm {

        private String name;
        private Channel channel;
        private Priority priority;
        private Tier tier;
        private String firstResponse;
        private String nextResponse;
        private String resolution;
        private String timeZone;
        private boolean aroundTheClock;
        private Map<String, String> hours = new LinkedHashMap<>();
        private String holidays;

        static PolicyForm empty() {
            var form = new PolicyForm();
            form.timeZone = "UTC";
            return form;
        }

        static PolicyForm of(SlaPolicy p) {
            var form = new PolicyForm();
            form.name = p.getName();
            form.channel = p.getChannel();
            form.priority = p.getPriority();
            form.tier = p.getTier();
            form.firstResponse = SlaPolicyViews.iso(p.target(ClockKind.FIRST_RESPONSE));
            form.nextResponse = SlaPolicyViews.iso(p.target(ClockKind.NEXT_RESPONSE));
            form.resolution = SlaPolicyViews.iso(p.target(ClockKind.RESOLUTION));
            form.timeZone = p.getZone().getId();
            form.aroundTheClock = p.isAroundTheClock();
            var hours = SlaPolicyViews.hours(p);
            if (hours != null) {
                hours.forEach((day, intervals) -> form.hours.put(day, String.join(", ", intervals)));
            }
            form.holidays = p.holidayDates().stream().map(String::valueOf).collect(Collectors.joining(", "));
            return form;
        }

        SlaPolicies.Draft draft() {
            Map<String, List<String>> week = null;
            if (!aroundTheClock) {
                week = new LinkedHashMap<>();
                for (var day : DayOfWeek.values()) {
                    var intervals = items(hours.get(day.name()));
                    if (!intervals.isEmpty()) {
                        week.put(day.name(), intervals);
                    }
                }
            }
            return new SlaPolicies.Draft(
                    name,
                    channel,
                    priority,
                    tier,
                    firstResponse,
                    nextResponse,
                    resolution,
                    timeZone,
                    week,
                    items(holidays));
        }

        private static List<String> items(String commaSeparated) {
            if (commaSeparated == null) {
                return List.of();
            }
            return Arrays.stream(commaSeparated.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Channel getChannel() {
            return channel;
        }

        public void setChannel(Channel channel) {
            this.channel = channel;
        }

        public Priority getPriority() {
            return priority;
        }

        public void setPriority(Priority priority) {
            this.priority = priority;
        }

        public Tier getTier() {
            return tier;
        }

        public void setTier(Tier tier) {
            this.tier = tier;
        }

        public String getFirstResponse() {
            return firstResponse;
        }

        public void setFirstResponse(String firstResponse) {
            this.firstResponse = firstResponse;
        }

        public String getNextResponse() {
            return nextResponse;
        }

        public void setNextResponse(String nextResponse) {
            this.nextResponse = nextResponse;
        }

        public String getResolution() {
            return resolution;
        }

        public void setResolution(String resolution) {
            this.resolution = resolution;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        public boolean isAroundTheClock() {
            return aroundTheClock;
        }

        public void setAroundTheClock(boolean aroundTheClock) {
            this.aroundTheClock = aroundTheClock;
        }

        public Map<String, String> getHours() {
            return hours;
        }

        public void setHours(Map<String, String> hours) {
            this.hours = hours;
        }

        public String getHolidays() {
            return holidays;
        }

        public void setHolidays(String holidays) {
            this.holidays = holidays;
        }
    }
}
