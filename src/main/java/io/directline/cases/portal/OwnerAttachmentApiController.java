package io.directline.cases.portal;

import io.directline.cases.Actor;
import io.directline.cases.Attachments;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseProblems;
import io.directline.cases.attachment.AttachmentResponses;
import io.directline.cases.attachment.UploadedFiles;
import io.directline.cases.desk.CaseViews.AttachmentView;
import io.directline.cases.desk.CaseViews.MessageView;
import io.directline.cases.desk.IdempotencyKeys;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

@Tag(name = "My cases", description = "The signed-in owner's own cases")
@RestController
@RequestMapping("/api/v1/me/cases/{id}/attachments")
class OwnerAttachmentApiController {

    private final CaseManagement cases;
    private final Attachments attachments;

    OwnerAttachmentApiController(CaseManagement cases, Attachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
    }

    /** The owner's message and the files sent with it. */
    record Sent(MessageView message, List<AttachmentView> attachments) {}

    @Operation(
            summary = "Send photos or documents on one of my cases, with an optional message",
            description = "multipart/form-data: one or more parts named file, and body (optional). Programs and"
                    + " scripts are refused; images and PDFs are shown, other files offered as downloads.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Sent> upload(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        cases.getForOwner(id, owner.customerId());
        var sent = UploadedFiles.of(files);
        if (sent.isEmpty()) {
            throw CaseProblems.invalidField("file", "No file was sent: add one or more parts named file.");
        }
        var message = cases.receiveFromOwner(
                id,
                owner.customerId(),
                body == null || body.isBlank() ? sentFiles(sent) : body,
                Channel.PORTAL,
                IdempotencyKeys.externalId(owner, idempotencyKey),
                Actor.of(owner, Channel.PORTAL),
                sent);
        var base = "/api/v1/me/cases/" + id + "/attachments";
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/me/cases/" + id))
                .body(new Sent(
                        MessageView.of(message),
                        attachments.ofMessage(message.getId()).stream()
                                .map(a -> AttachmentView.of(a, base))
                                .toList()));
    }

    /**
     * Any other content type: a 415 problem that says how to send files (without this handler, Spring would refuse
     * the media type before any controller advice could answer with a problem).
     */
    @Operation(hidden = true)
    @PostMapping
    ResponseEntity<Sent> notAnUpload(@PathVariable long id) {
        throw CaseProblems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Not an upload",
                "Send files as multipart/form-data, with one or more parts named file and an optional body.");
    }

    @Operation(summary = "The attachments of one of my cases")
    @GetMapping
    List<AttachmentView> list(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id) {
        cases.getForOwner(id, owner.customerId());
        var base = "/api/v1/me/cases/" + id + "/attachments";
        return attachments.ofCaseForOwner(id).stream()
                .map(a -> AttachmentView.of(a, base))
                .toList();
    }

    @Operation(summary = "Download an attachment of one of my cases")
    @GetMapping("/{attachmentId}")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, @PathVariable long attachmentId) {
        cases.getForOwner(id, owner.customerId());
        var attachment = attachments
                .findForOwner(id, attachmentId)
                .orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.download(attachments, attachment);
    }

    @Operation(summary = "A thumbnail (JPEG) of an image attached to one of my cases")
    @GetMapping("/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(
            @AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, @PathVariable long attachmentId) {
        cases.getForOwner(id, owner.customerId());
        var attachment = attachments
                .findForOwner(id, attachmentId)
                .orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.thumbnail(attachments, attachment);
    }

    /** The text of a message that is only files: "Sent photo.jpg, invoice.pdf". */
    static String sentFiles(List<Attachments.NewFile> files) {
        var names = files.stream()
                .map(f -> f.fileName() == null ? "a file" : f.fileName())
                .limit(5)
                .map(n -> HtmlUtils.htmlEscape(n.length() > 80 ? n.substring(0, 80) : n))
                .toList();
        return "Sent " + String.join(", ", names) + (files.size() > 5 ? " and " + (files.size() - 5) + " more" : "");
    }
}
