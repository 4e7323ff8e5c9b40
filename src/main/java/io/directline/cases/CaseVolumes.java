package io.directline.cases;

import io.directline.customer.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How many cases were opened on each channel, per interval, for the reports of other modules: one aggregate over an
 * indexed range of the cases' opening times.
 */
public interface CaseVolumes {

    /**
     * The cases opened on each channel in each interval between consecutive {@code boundaries} ({@code [b0, b1)},
     * {@code [b1, b2)}, …): every channel is a key, in the order of {@link Channel}, its list one count per interval.
     * Throws {@link IllegalArgumentException} for fewer than two boundaries.
     */
    Map<Channel, List<Long>> openedByChannel(List<Instant> boundaries);
}
