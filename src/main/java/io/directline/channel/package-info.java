/**
 * Channels: one intake pipeline for every channel (authenticate, de-duplicate by the channel's message
 * id, resolve the owner by handle, thread into a case, publish) and outbound delivery through an outbox
 * with retries, one {@link io.directline.channel.outbox.OutboundSender} per channel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package io.directline.channel;
