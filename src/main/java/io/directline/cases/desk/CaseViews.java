package io.directline.cases.desk;

import io.directline.cases.Attachment;
import io.directline.cases.CaseMessage;
import io.directline.cases.CaseStatus;
import io.directline.cases.Direction;
import io.directline.cases.Priority;
import io.directline.cases.SupportCase;
import io.directline.cases.audit.CaseAudit;
import io.directline.customer.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shapes of the case APIs. */
public final class CaseViews {

    private CaseViews() {}

    record CaseSummary(
            long id,
            String reference,
            String subject,
            CaseStatus status,
            Priority priority,
            Channel channel,
            long customerId,
            String customerName,
            String assignee,
            String team,
            Set<String> tags,
            Instant slaDueAt,
            int stakeMinutes,
            String stakeReason,
            Instant createdAt,
            Instant updatedAt) {

        public static CaseSummary of(SupportCase c, Map<Long, String> customerNames) {
            return new CaseSummary(
                    c.getId(),
                    c.reference(),
                    c.getSubject(),
                    c.getStatus(),
                    c.getPriority(),
                    c.getChannel(),
                    c.getCustomerId(),
                    customerNames.get(c.getCustomerId()),
                    c.getAssignee(),
                    c.getTeam(),
                    c.getTags(),
                    c.getSlaDueAt(),
                    c.getStakeMinutes(),
                    c.getStakeReason(),
                    c.getCreatedAt(),
                    c.getUpdatedAt());
        }
    }

    public record CaseList<T>(List<T> items, int page, int size, boolean hasNext) {}

    public record MessageView(
            long id, Direction direction, Channel channel, String author, String body, Instant createdAt) {

        public static MessageView of(CaseMessage m) {
            return new MessageView(
                    m.getId(), m.getDirection(), m.getChannel(), m.getAuthor(), m.getBody(), m.getCreatedAt());
        }
    }

    /**
     * An attachment as listed with its case: where to download it and, for an image, its thumbnail.
     *
     * @param inline whether it is shown in the browser (an image or a PDF) rather than only downloaded
     */
    public record AttachmentView(
            long id,
            long messageId,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            boolean inline,
            String url,
            String thumbnailUrl,
            Instant createdAt) {

        /** The view with URLs under {@code base}, the case's attachments path ({@code /api/v1/cases/7/attachments}). */
        public static AttachmentView of(Attachment a, String base) {
            var url = base + "/" + a.id();
            return new AttachmentView(
                    a.id(),
                    a.messageId(),
                    a.fileName(),
                    a.contentType(),
                    a.sizeBytes(),
                    a.sha256(),
                    a.inline(),
                    url,
                    a.thumbnailed() ? url + "/thumbnail" : null,
                    a.createdAt());
        }
    }

    record AuditView(Instant at, String actor, Channel channel, String action, String detail) {

        public static AuditView of(CaseAudit a) {
            return new AuditView(a.getAt(), a.getActor(), a.getChannel(), a.getAction(), a.getDetail());
        }
    }

    record CaseDetail(
            long id,
            String reference,
            String subject,
            CaseStatus status,
            Set<CaseStatus> allowedStatuses,
            Priority priority,
            Channel channel,
            long customerId,
            String customerName,
            String assignee,
            String team,
            Set<String> tags,
            String orderId,
            Instant createdAt,
            Instant updatedAt,
            List<MessageView> messages,
            List<AttachmentView> attachments,
            List<AuditView> audit) {

        public static CaseDetail of(
                SupportCase c,
                String customerName,
                List<CaseMessage> messages,
                List<Attachment> attachments,
                List<CaseAudit> audit) {
            return new CaseDetail(
                    c.getId(),
                    c.reference(),
                    c.getSubject(),
                    c.getStatus(),
                    c.getStatus().next(),
                    c.getPriority(),
                    c.getChannel(),
                    c.getCustomerId(),
                    customerName,
                    c.getAssignee(),
                    c.getTeam(),
                    c.getTags(),
                    c.getOrderId(),
                    c.getCreatedAt(),
                    c.getUpdatedAt(),
                    messages.stream().map(MessageView::of).toList(),
                    attachments.stream()
                            .map(a -> AttachmentView.of(a, "/api/v1/cases/" + c.getId() + "/attachments"))
                            .toList(),
                    audit.stream().map(AuditView::of).toList());
        }
    }

    /** What an owner sees of their case: no internal notes, no audit trail, no assignee. */
    public record OwnerCase(
            long id,
            String reference,
            String subject,
            CaseStatus status,
            Channel channel,
            String orderId,
            Instant createdAt,
            Instant updatedAt,
            List<MessageView> messages,
            List<AttachmentView> attachments) {

        public static OwnerCase of(SupportCase c, List<CaseMessage> messages, List<Attachment> attachments) {
            return new OwnerCase(
                    c.getId(),
                    c.reference(),
                    c.getSubject(),
                    c.getStatus(),
                    c.getChannel(),
                    c.getOrderId(),
                    c.getCreatedAt(),
                    c.getUpdatedAt(),
                    messages.stream().map(MessageView::of).toList(),
                    attachments.stream()
                            .map(a -> AttachmentView.of(a, "/api/v1/me/cases/" + c.getId() + "/attachments"))
                            .toList());
        }
    }

    public record OwnerCaseSummary(
            long id, String reference, String subject, CaseStatus status, Instant createdAt, Instant updatedAt) {

        public static OwnerCaseSummary of(SupportCase c) {
            return new OwnerCaseSummary(
                    c.getId(), c.reference(), c.getSubject(), c.getStatus(), c.getCreatedAt(), c.getUpdatedAt());
        }
    }
}
