/**
 * Channels: one intake pipeline for every channel ({@code intake}: authenticate, de-duplicate by the channel's
 * message id, resolve the owner by handle, thread into a case) and outbound delivery through an outbox with retries
 * ({@code outbox}, one {@link io.directline.channel.outbox.OutboundSender} per channel); {@code webhook} holds what
 * every provider's webhook shares. Nothing here is another module's API: channels only call {@code cases} and
 * {@code customer}. It never decides an SLA, a status or who answers; it carries messages in and out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package io.directline.channel;
