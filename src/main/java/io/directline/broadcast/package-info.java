/**
 * Transparency notices to a segment of owners, each personal (first name, order, previous and new date, reason),
 * rendered per channel, approved by a second person above a threshold, fanned out as one notice per owner through
 * the outbox with live progress and cancel; and executives' personal notes to one owner or a short list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Broadcast")
package io.directline.broadcast;
