package io.directline.sla.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.directline.cases.Priority;
import io.directline.customer.Channel;
import io.directline.customer.Tier;
import io.directline.sla.policy.SlaPolicyViews.Calendar;
import io.directline.sla.policy.SlaPolicyViews.PolicyList;
import io.directline.sla.policy.SlaPolicyViews.PolicyView;
import io.directline.sla.policy.SlaPolicyViews.Targets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "SLA policies", description = "Targets of working time by channel, priority and owner tier, for admins")
@RestController
@RequestMapping("/api/v1/sla-policies")
class SlaPolicyApiController {

    private final SlaPolicies policies;

    SlaPolicyApiController(SlaPolicies policies) {
        this.policies = policies;
    }

    @Operation(summary = "Every SLA policy, retired ones included, oldest first")
    @GetMapping
    PolicyList list() {
        return new PolicyList(policies.all().stream().map(PolicyView::of).toList());
    }

    @Operation(summary = "Define a policy; calendar.hours left out means around the clock")
    @PostMapping
    ResponseEntity<PolicyView> create(@RequestBody PolicyRequest request) {
        var policy = policies.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + policy.getId()))
                .body(PolicyView.of(policy));
    }

    @Operation(summary = "One policy, retired or not")
    @GetMapping("/{id}")
    PolicyView get(@PathVariable long id) {
        return PolicyView.of(policies.get(id));
    }

    @Operation(summary = "Replace a policy's definition; clocks running under it use the new one")
    @PutMapping("/{id}")
    PolicyView replace(@PathVariable long id, @RequestBody PolicyRequest request) {
        return PolicyView.of(policies.replace(id, request.draft()));
    }

    @Operation(summary = "Retire a policy: no longer picked for new cases, still readable; retiring twice is fine")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> retire(@PathVariable long id) {
        policies.retire(id);
        return ResponseEntity.noContent().build();
    }

    /** What a client sends; what the API adds to a policy it shows (id, times, state) is ignored, so a read policy can be sent back. */
    @JsonIgnoreProperties({"id", "active", "aroundTheClock", "createdAt", "updatedAt"})
    record PolicyRequest(
            String name, Channel channel, Priority priority, Tier tier, Targets targets, Calendar calendar) {

        SlaPolicies.Draft draft() {
            var t = targets == null ? new Targets(null, null, null) : targets;
            var c = calendar == null ? new Calendar(null, null, null) : calendar;
            return new SlaPolicies.Draft(
                    name,
                    channel,
                    priority,
                    tier,
                    t.firstResponse(),
                    t.nextResponse(),
                    t.resolution(),
                    c.timeZone(),
                    c.hours(),
                    c.holidays());
        }
    }
}
