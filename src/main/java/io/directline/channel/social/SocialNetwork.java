package io.directline.channel.social;

import io.directline.channel.outbox.OutboundSender;

/**
 * One social network: answers go out through its API as public replies (for a case that began as a
 * public post) or private messages. One adapter per network, each a bean only when its properties are
 * set; inbound mentions and messages reach the intake by the network's webhook or by polling.
 */
interface SocialNetwork extends OutboundSender {

    /** The longest post the network takes, in characters. */
    int maxLength();

    /** The newest status id among a case's thread keys (ids grow with time on both networks), or null. */
    static String newestStatus(java.util.List<String> threadKeys) {
        String newest = null;
        for (var key : threadKeys) {
            if (key == null || !key.chars().allMatch(Character::isDigit) || key.isEmpty()) {
                continue;
            }
            if (newest == null
                    || key.length() > newest.length()
                    || (key.length() == newest.length() && key.compareTo(newest) > 0)) {
                newest = key;
            }
        }
        return newest;
    }
}
