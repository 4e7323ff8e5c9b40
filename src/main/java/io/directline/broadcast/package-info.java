/**
 * Transparency notices to a segment of owners, each personal (first name, order, previous and new date, reason),
 * rendered per channel, approved by a second person above a threshold, fanned out as one notice per owner through
 * the outbox with live progress and cancel ({@code sending}); and executives' personal notes to one owner or a short
 * list, each with a case held by the executive so a reply reaches them ({@code note}). It selects owners through
 * {@code journey}'s {@link io.directline.journey.OrderSegments}, queues through {@code channel}'s
 * {@link io.directline.channel.Notices} and opens cases only through {@code cases}' API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Broadcast",
        allowedDependencies = {"journey", "channel", "customer", "cases", "identity", "web"})
package io.directline.broadcast;
