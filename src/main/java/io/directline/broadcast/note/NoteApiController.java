package io.directline.broadcast.note;

import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Personal notes", description = "An executive's signed notes to one owner or a short list")
@RestController
class NoteApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PersonalNotes notes;

    NoteApiController(PersonalNotes notes) {
        this.notes = notes;
    }

    /** To the owners picked by hand, or to the owners of a broadcast's (small) segment, or both. */
    record NoteRequest(List<Long> customerIds, Long broadcastId, String subject, String body) {}

    record NoteView(
            long id,
            long customerId,
            long caseId,
            Long broadcastId,
            String subject,
            String body,
            String author,
            Instant createdAt) {

        static NoteView of(PersonalNote n) {
            return new NoteView(
                    n.getId(),
                    n.getCustomerId(),
                    n.getCaseId(),
                    n.getBroadcastId(),
                    n.getSubject(),
                    n.getBody(),
                    n.getAuthorName(),
                    n.getCreatedAt());
        }
    }

    record NoteList(List<NoteView> items) {}

    @Operation(
            summary = "Sends a signed personal note to each owner on their channel; each gets a case held by the"
                    + " executive, which a reply threads into. Repeated with the same Idempotency-Key header it returns"
                    + " the notes made the first time (200) and sends nothing again")
    @PostMapping("/api/v1/notes")
    ResponseEntity<NoteList> send(
            @AuthenticationPrincipal DirectLineUser user,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody NoteRequest request) {
        PersonalNotes.Sent sent;
        try {
            sent = notes.send(
                    request.customerIds(), request.broadcastId(), request.subject(), request.body(), user, key);
        } catch (DataIntegrityViolationException twinWon) {
            var earlier = notes.madeWithKey(user.getUsername(), key);
            if (earlier.isEmpty()) {
                throw twinWon;
            }
            sent = new PersonalNotes.Sent(earlier, false);
        }
        return ResponseEntity.status(sent.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new NoteList(sent.notes().stream().map(NoteView::of).toList()));
    }

    @Operation(summary = "The notes the signed-in executive wrote, newest first")
    @GetMapping("/api/v1/notes")
    NoteList mine(@AuthenticationPrincipal DirectLineUser user) {
        return new NoteList(notes.writtenBy(user.getUsername(), 100).stream()
                .map(NoteView::of)
                .toList());
    }
}
