package io.directline.cases;

import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;

/**
 * Who makes a change and from where, for the audit trail.
 *
 * @param username the login, or {@code system} for automatic changes; never null
 * @param displayName the name shown on messages; never null
 * @param channel the channel the change came through; never null
 */
public record Actor(String username, String displayName, Channel channel) {

    public static Actor of(DirectLineUser user, Channel channel) {
        return new Actor(user.getUsername(), user.displayName(), channel);
    }

    public static Actor system(Channel channel) {
        return new Actor("system", "Direct Line", channel);
    }
}
