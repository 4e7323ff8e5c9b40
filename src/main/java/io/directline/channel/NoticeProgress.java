package io.directline.channel;

/**
 * Where the notices of one source stand.
 *
 * @param queued waiting for a sender
 * @param waitingForQuietHours held until the owner's quiet hours end
 * @param sent taken by the provider (or shown on the portal)
 * @param failed given up after retries, or no address on the owner's channel
 * @param cancelled stopped before they were sent
 */
public record NoticeProgress(long queued, long waitingForQuietHours, long sent, long failed, long cancelled) {

    public long total() {
        return queued + waitingForQuietHours + sent + failed + cancelled;
    }

    /** Sent, failed or cancelled: nothing more will happen to them. */
    public long finished() {
        return sent + failed + cancelled;
    }
}
