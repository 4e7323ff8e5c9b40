package io.directline.channel.outbox;

/** A message did not go out. Permanent failures (a rejected address) are shown to the agent at once. */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true, null);
    }

    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
