package io.directline.cases;

import io.directline.cases.attachment.FileTypes;
import java.time.Instant;

/**
 * A file attached to a case's message.
 *
 * @param fileName the sender's name for it, cleaned for display only (never a path on disk)
 * @param contentType what its bytes are, as detected (never what the sender said)
 * @param messageId the message it came with
 */
public record Attachment(
        long id,
        long caseId,
        long messageId,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String storageKey,
        String uploadedBy,
        Instant createdAt) {

    /** Whether it is shown in the page (an image or a PDF) rather than only offered as a download. */
    public boolean inline() {
        return FileTypes.inline(contentType);
    }

    /** Its size as people read it: "2 MB", "512 KB", "300 bytes". */
    public String humanSize() {
        return Attachments.human(sizeBytes);
    }

    /** Whether a thumbnail can be made of it (an image Java reads). */
    public boolean thumbnailed() {
        return FileTypes.thumbnailed(contentType);
    }
}
