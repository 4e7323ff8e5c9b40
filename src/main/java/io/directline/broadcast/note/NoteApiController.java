package io.directline.broadcast.note;

import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Personal notes", description = "An executive's signed notes to one owner or a short list")
@RestController
class NoteApiController {

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
                    + " executive, which a reply threads into")
    @PostMapping("/api/v1/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NoteList send(@AuthenticationPrincipal DirectLineUser user, @RequestBody NoteRequest request) {
        return new NoteList(
                notes
                        .send(request.customerIds(), request.broadcastId(), request.subject(), request.body(), user)
                        .stream()
                        .map(NoteView::of)
                        .toList());
    }

    @Operation(summary = "The notes the signed-in executive wrote, newest first")
    @GetMapping("/api/v1/notes")
    NoteList mine(@AuthenticationPrincipal DirectLineUser user) {
        return new NoteList(notes.writtenBy(user.getUsername(), 100).stream()
                .map(NoteView::of)
                .toList());
    }
}
