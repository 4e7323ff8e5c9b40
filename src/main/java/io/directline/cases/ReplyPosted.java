package io.directline.cases;

import io.directline.customer.Channel;
import java.time.Instant;

/** The company answered the owner on a case, on the given channel. */
public record ReplyPosted(
        long caseId, long messageId, long customerId, Channel channel, String author, Instant postedAt) {}
