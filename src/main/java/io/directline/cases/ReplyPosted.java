package io.directline.cases;

import io.directline.customer.Channel;
import java.time.Instant;

/**
 * The company wrote to the owner on a case, on the given channel.
 *
 * @param automatic true for a notice Direct Line sent by itself (such as "we are late"), which is not an
 *     answer to what the owner asked
 */
public record ReplyPosted(
        long caseId,
        long messageId,
        long customerId,
        Channel channel,
        String author,
        Instant postedAt,
        boolean automatic) {}
