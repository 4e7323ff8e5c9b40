package io.directline.broadcast.sending;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Who may approve a broadcast: anyone allowed to send broadcasts, except that a broadcast reaching more owners than
 * the threshold needs a second person, never its creator.
 */
record FourEyes(long above) {

    /** The decision and, when refused, the sentence that says why. */
    record Decision(boolean allowed, String reason) {}

    Decision mayApprove(String approver, String creator, long recipients) {
        if (recipients > above && approver.equals(creator)) {
            var n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            return new Decision(
                    false,
                    "This broadcast reaches " + n.format(recipients) + " owners, more than " + n.format(above)
                            + ", so a second person must approve it; you created it.");
        }
        return new Decision(true, null);
    }
}
