package io.directline.cases.desk;

import io.directline.cases.Actor;
import io.directline.cases.Attachment;
import io.directline.cases.Attachments;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseManagement.CaseChanges;
import io.directline.cases.CaseNoticeLinks;
import io.directline.cases.CaseOrderLinks;
import io.directline.cases.CaseProblems;
import io.directline.cases.CaseStakes;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.cases.attachment.AttachmentResponses;
import io.directline.cases.attachment.UploadedFiles;
import io.directline.customer.Channel;
import io.directline.customer.CustomerManagement;
import io.directline.identity.DirectLineUser;
import io.directline.identity.UserManagement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The staff case page: conversation, reply or note, status, assignee, priority, team and tags. */
@Controller
class CasePageController {

    private final CaseManagement cases;
    private final StaffDesk desk;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Attachments attachments;
    private final ObjectProvider<CaseOrderLinks> orderLinks;
    private final ObjectProvider<CaseNoticeLinks> noticeLinks;
    private final ObjectProvider<CaseStakes> stakes;

    CasePageController(
            CaseManagement cases,
            StaffDesk desk,
            CustomerManagement customers,
            UserManagement users,
            Attachments attachments,
            ObjectProvider<CaseOrderLinks> orderLinks,
            ObjectProvider<CaseNoticeLinks> noticeLinks,
            ObjectProvider<CaseStakes> stakes) {
        this.cases = cases;
        this.stakes = stakes;
        this.orderLinks = orderLinks;
        this.noticeLinks = noticeLinks;
        this.attachments = attachments;
        this.desk = desk;
        this.customers = customers;
        this.users = users;
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        var supportCase = cases.get(id);
        model.addAttribute("case", supportCase);
        var links = orderLinks.getIfAvailable();
        model.addAttribute(
                "order", links == null ? null : links.orderOf(supportCase).orElse(null));
        var notices = noticeLinks.getIfAvailable();
        model.addAttribute(
                "aboutNotice",
                notices == null ? null : notices.noticeOf(supportCase).orElse(null));
        var customer = customers.get(supportCase.getCustomerId());
        model.addAttribute("customer", customer);
        var stake = stakes.getIfAvailable();
        model.addAttribute(
                "stakes", stake == null ? java.util.List.of() : stake.standingOf(supportCase.getCustomerId()));
        var messages = cases.conversation(id, true);
        model.addAttribute("messages", messages);
        model.addAttribute(
                "attachments", attachments.ofCase(id).stream().collect(Collectors.groupingBy(Attachment::messageId)));
        model.addAttribute(
                "ownerMessagesSeen",
                messages.stream()
                        .filter(m -> m.getDirection() == Direction.INBOUND)
                        .count());
        model.addAttribute("audit", cases.auditTrail(id));
        model.addAttribute("staff", users.staff());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("replyChannels", ReplyChannels.of(customer));
        model.addAttribute("replyChannel", ReplyChannels.preferred(supportCase, customer));
        return "cases/case";
    }

    @PostMapping("/cases/{id}/messages")
    String post(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam String body,
            @RequestParam(defaultValue = "PUBLIC") Visibility visibility,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Integer ownerMessagesSeen,
            @RequestParam(name = "file", required = false) List<MultipartFile> files) {
        var actor = Actor.of(user, Channel.PORTAL);
        var sent = UploadedFiles.of(files);
        if (visibility == Visibility.INTERNAL) {
            cases.addNote(id, body, actor, sent);
            return "redirect:/cases/" + id;
        }
        try {
            desk.answer(id, body, channel, actor, ownerMessagesSeen, sent);
        } catch (ConcurrencyFailureException e) {
            // the owner's message and this answer were stored at the same moment, and the owner's came first
            if (ownerMessagesSeen != null && cases.ownerWroteSince(id, ownerMessagesSeen)) {
                throw CaseProblems.ownerWroteMeanwhile();
            }
            throw e;
        }
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        var attachment =
                attachments.find(id, attachmentId).orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.download(attachments, attachment);
    }

    @GetMapping("/cases/{id}/attachments/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long attachmentId) {
        var attachment =
                attachments.find(id, attachmentId).orElseThrow(() -> AttachmentResponses.notFound(id, attachmentId));
        return AttachmentResponses.thumbnail(attachments, attachment);
    }

    @PostMapping("/cases/{id}")
    String change(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String tags) {
        Set<String> tagSet = tags == null
                ? null
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet());
        cases.change(id, new CaseChanges(status, assignee, priority, tagSet, team), Actor.of(user, Channel.PORTAL));
        return "redirect:/cases/" + id;
    }
}
