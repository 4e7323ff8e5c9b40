package io.directline.channel.outbox;

/**
 * What a provider answered for a sent message.
 *
 * @param providerId the provider's id of the sent message (Message-ID, status id, SMS SID); may be null
 * @param threadKey a key by which the owner's answer will refer to this message (usually the
 *     provider id); may be null
 */
public record SendResult(String providerId, String threadKey) {

    public static SendResult of(String providerId) {
        return new SendResult(providerId, providerId);
    }
}
