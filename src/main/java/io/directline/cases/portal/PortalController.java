package io.directline.cases.portal;

import io.directline.cases.Actor;
import io.directline.cases.Attachment;
import io.directline.cases.Attachments;
import io.directline.cases.CaseFilter;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.OpenCase;
import io.directline.cases.Priority;
import io.directline.cases.attachment.AttachmentResponses;
import io.directline.cases.attachment.UploadedFiles;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The owner portal: my cases, open a case, read and answer. */
@Controller
class PortalController {

    private final CaseManagement cases;
    private final Attachments attachments;

    PortalController(CaseManagement cases, Attachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
    }

    @GetMapping("/portal")
    String myCases(
            @AuthenticationPrincipal DirectLineUser owner, @RequestParam(defaultValue = "0") int page, Model model) {
        int safePage = Math.max(0, Math.min(page, 100_000));
        var slice = cases.search(new CaseFilter(null, null, null, owner.customerId(), null), safePage, 20);
        model.addAttribute("cases", slice.items());
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", slice.hasNext());
        return "cases/portal";
    }

    @GetMapping("/portal/new")
    String newCase() {
        return "cases/portal-new";
    }

    @PostMapping("/portal/cases")
    String open(
            @AuthenticationPrincipal DirectLineUser owner,
            @RequestParam String subject,
            @RequestParam String body,
            @RequestParam(required = false) String orderId) {
        var opened = cases.open(
                new OpenCase(owner.customerId(), subject, body, Channel.PORTAL, Priority.NORMAL, null, orderId, null),
                Actor.of(owner, Channel.PORTAL));
        return "redirect:/portal/cases/" + opened.getId();
    }

    @GetMapping("/portal/cases/{id}")
    String show(@AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, Model model) {
        var supportCase = cases.getForOwner(id, owner.customerId());
        model.addAttribute("case", supportCase);
        model.addAttribute("messages", cases.conversation(id, false));
        model.addAttribute(
                "attachments",
                attachments.ofCaseForOwner(id).stream().collect(Collectors.groupingBy(Attachment::messageId)));
        return "cases/portal-case";
    }

    @PostMapping("/portal/cases/{id}/messages")
    String write(
            @AuthenticationPrincipal DirectLineUser owner,
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam(name = "file", required = false) List<MultipartFile> files) {
        var sent = UploadedFiles.of(files);
        cases.getForOwner(id, owner.customerId());
        cases.receiveFromOwner(
                id,
                owner.customerId(),
                body.isBlank() && !sent.isEmpty() ? OwnerAttachmentApiController.sentFiles(sent) : body,
                Channel.PORTAL,
                null,
                Actor.of(owner, Channel.PORTAL),
                sent);
        return "redirect:/portal/cases/" + id;
    }

    @GetMapping("/portal/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(
            @AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, @PathVariable long attachmentId) {
        cases.getForOwner(id, owner.customerId());
        var attachment = attachments
                .findForOwner(id, attachmentId)
                .orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.download(attachments, attachment);
    }

    @GetMapping("/portal/cases/{id}/attachments/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(
            @AuthenticationPrincipal DirectLineUser owner, @PathVariable long id, @PathVariable long attachmentId) {
        cases.getForOwner(id, owner.customerId());
        var attachment = attachments
                .findForOwner(id, attachmentId)
                .orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.thumbnail(attachments, attachment);
    }
}
