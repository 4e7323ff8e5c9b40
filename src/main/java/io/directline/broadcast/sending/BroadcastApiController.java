package io.directline.broadcast.sending;

import io.directline.identity.DirectLineUser;
import io.directline.journey.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Broadcasts",
        description = "Personal notices to every owner of a segment of orders, approved and fanned out")
@RestController
class BroadcastApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Broadcasts broadcasts;

    BroadcastApiController(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    /** A segment of owners and, for a preview, optionally the words; for a create, the words are required. */
    record BroadcastRequest(Segment segment, String subject, String fullText, String shortText) {

        Template template() {
            return new Template(subject, fullText, shortText);
        }

        Template templateIfAny() {
            return isBlank(subject) && isBlank(fullText) && isBlank(shortText) ? null : template();
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    record PreviewView(long count, boolean needsSecondApproval, String message, List<Broadcasts.Sample> samples) {}

    record BroadcastList(List<BroadcastView> items) {}

    @Operation(summary = "How many owners a segment reaches, and a few of them with their personal text")
    @PostMapping("/api/v1/broadcasts/preview")
    PreviewView preview(@RequestBody BroadcastRequest request) {
        var preview = broadcasts.preview(request.segment(), request.templateIfAny());
        return new PreviewView(
                preview.count(),
                preview.needsSecondApproval(),
                preview.count() == 0
                        ? BroadcastProblems.emptySegment().getBody().getDetail()
                        : null,
                preview.samples());
    }

    @Operation(
            summary = "A new broadcast, awaiting approval; repeated with the same Idempotency-Key header it returns the"
                    + " broadcast made the first time (200) instead of a second one")
    @PostMapping("/api/v1/broadcasts")
    ResponseEntity<BroadcastView> create(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody BroadcastRequest request) {
        var staff = staff(user);
        Broadcasts.Created created;
        try {
            created = broadcasts.create(request.segment(), request.template(), staff, key);
        } catch (DataIntegrityViolationException twinWon) {
            created = new Broadcasts.Created(
                    broadcasts.madeWithKey(staff.username(), key).orElseThrow(() -> twinWon), false);
        }
        return ResponseEntity.status(created.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(BroadcastView.of(created.broadcast(), null));
    }

    @Operation(summary = "The newest broadcasts")
    @GetMapping("/api/v1/broadcasts")
    BroadcastList list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return new BroadcastList(broadcasts.newest(limit).stream()
                .map(b -> BroadcastView.of(b, null))
                .toList());
    }

    @Operation(summary = "One broadcast: its status, counts and the progress of its notices")
    @GetMapping("/api/v1/broadcasts/{id}")
    BroadcastView get(@PathVariable long id) {
        var b = broadcasts.get(id);
        return view(b);
    }

    @Operation(
            summary = "Approves a broadcast and starts its fan-out; above the four-eyes threshold its creator may not"
                    + " (409)")
    @PostMapping("/api/v1/broadcasts/{id}/approve")
    BroadcastView approve(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return view(broadcasts.approve(id, staff(user)));
    }

    @Operation(summary = "Cancels a broadcast: its fan-out stops and every notice not yet sent is stopped")
    @PostMapping("/api/v1/broadcasts/{id}/cancel")
    BroadcastView cancel(@AuthenticationPrincipal DirectLineUser user, @PathVariable long id) {
        return view(broadcasts.cancel(id, staff(user)));
    }

    private BroadcastView view(Broadcast b) {
        return BroadcastView.of(b, b.getStatus() == BroadcastStatus.AWAITING_APPROVAL ? null : broadcasts.progress(b));
    }

    static Broadcasts.Staff staff(DirectLineUser user) {
        return new Broadcasts.Staff(user.getUsername(), user.displayName());
    }
}
