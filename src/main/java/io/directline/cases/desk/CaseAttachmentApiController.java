package io.directline.cases.desk;

import io.directline.cases.Actor;
import io.directline.cases.Attachments;
import io.directline.cases.CaseManagement;
import io.directline.cases.attachment.AttachmentResponses;
import io.directline.cases.attachment.UploadedFiles;
import io.directline.cases.desk.CaseViews.AttachmentView;
import io.directline.cases.desk.CaseViews.MessageView;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Cases", description = "Support cases, for staff")
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseAttachmentApiController {

    private final CaseManagement cases;
    private final StaffDesk desk;
    private final Attachments attachments;

    CaseAttachmentApiController(CaseManagement cases, StaffDesk desk, Attachments attachments) {
        this.cases = cases;
        this.desk = desk;
        this.attachments = attachments;
    }

    /** An answer (or note) with the files sent with it. */
    record MessageWithAttachments(MessageView message, List<AttachmentView> attachments) {}

    @Operation(
            summary = "Answer the owner (PUBLIC) or add an internal note (INTERNAL) with files attached",
            description = "multipart/form-data: body, visibility, channel and one or more parts named file. E-mail"
                    + " answers carry the files as attachments; SMS and social answers a link to the owner's portal.")
    @PostMapping(path = "/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MessageWithAttachments> post(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam(required = false) Visibility visibility,
            @RequestParam(required = false) Channel channel,
            @RequestParam(name = "file", required = false) List<MultipartFile> files) {
        var actor = Actor.of(user, Channel.PORTAL);
        var sent = UploadedFiles.of(files);
        var message = visibility == Visibility.INTERNAL
                ? cases.addNote(id, body, actor, sent)
                : desk.answer(id, body, channel, actor, null, sent);
        var base = "/api/v1/cases/" + id + "/attachments";
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/messages/" + message.getId()))
                .body(new MessageWithAttachments(
                        MessageView.of(message),
                        attachments.ofMessage(message.getId()).stream()
                                .map(a -> AttachmentView.of(a, base))
                                .toList()));
    }

    @Operation(summary = "The case's attachments, internal notes' included")
    @GetMapping("/attachments")
    List<AttachmentView> list(@PathVariable long id) {
        cases.get(id);
        var base = "/api/v1/cases/" + id + "/attachments";
        return attachments.ofCase(id).stream()
                .map(a -> AttachmentView.of(a, base))
                .toList();
    }

    @Operation(summary = "Download an attachment (images and PDFs inline, everything else as a download)")
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId) {
        var attachment =
                attachments.find(id, attachmentId).orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.download(attachments, attachment);
    }

    @Operation(summary = "A thumbnail (JPEG) of an image attachment")
    @GetMapping("/attachments/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long attachmentId) {
        var attachment =
                attachments.find(id, attachmentId).orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.thumbnail(attachments, attachment);
    }
}
