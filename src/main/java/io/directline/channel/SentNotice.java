package io.directline.channel;

import io.directline.customer.Channel;
import java.time.Instant;

/**
 * A notice as the owner sees it on the portal and staff see it on the owner page.
 *
 * @param status QUEUED, WAITING (quiet hours), SENT, FAILED or CANCELLED
 */
public record SentNotice(
        long id,
        String source,
        String subject,
        String text,
        String author,
        Channel channel,
        String status,
        Long caseId,
        Instant queuedAt,
        Instant sentAt) {}
