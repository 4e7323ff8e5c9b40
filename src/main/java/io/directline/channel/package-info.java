/**
 * Channels: one intake pipeline for every channel ({@code intake}: authenticate, de-duplicate by the channel's
 * message id, resolve the owner by handle, thread into a case) and outbound delivery through an outbox with retries
 * ({@code outbox}, one {@link io.directline.channel.outbox.OutboundSender} per channel); {@code webhook} holds what
 * every provider's webhook shares. Nothing here is another module's API: channels call {@code cases} and
 * {@code customer}, and {@code identity} for the link that signs an owner in at the end of a long private answer
 * (its owners' sign-in codes reach the outbox as events). It never decides an SLA, a status or who answers; it carries messages in and out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package io.directline.channel;
