package io.directline.channel;

/**
 * A notice to one owner that is not an answer an agent wrote on a case: a delay notice, one owner's share of a
 * broadcast, an executive's personal note. The outbox delivers it on the owner's preferred channel: the full text by
 * e-mail and on the portal, the short text with a signed portal link by SMS and social direct message; the owner's
 * quiet hours are respected (it waits until they end).
 *
 * @param customerId the owner it is for
 * @param source what sent it, one value for all notices of one sending: {@code broadcast:42}, {@code note:7},
 *     {@code delay:ORD-1:DELIVERED}; progress and cancel are asked by source, and a reply to the notice opens (or
 *     threads into) a case that names it
 * @param subject the e-mail subject and the portal heading
 * @param fullText the whole text, already personal (placeholders filled in)
 * @param shortText the text for channels that carry little (SMS, social DM), at most 280 characters before the link;
 *     null to cut the full text short
 * @param author who signs it (a staff member's name, or the company)
 * @param caseId the case a reply threads into, or null when a reply should open a new case naming the source
 * @param idempotencyKey unique per owner and sending, so a resumed or repeated sending queues nothing twice
 */
public record Notice(
        long customerId,
        String source,
        String subject,
        String fullText,
        String shortText,
        String author,
        Long caseId,
        String idempotencyKey) {}
