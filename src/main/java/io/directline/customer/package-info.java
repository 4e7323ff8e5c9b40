/**
 * Owners: who they are, their handles on every channel (e-mail addresses, phone numbers, X and Mastodon accounts,
 * each verified or not, through {@link io.directline.customer.OwnerHandles}), preferred channel, quiet hours, time
 * zone, tier and lifetime value, through {@link io.directline.customer.CustomerManagement}; and the merging of two
 * owners found to be one person, with its suggestions and undo, through {@link io.directline.customer.OwnerMerges}.
 * It depends on no other module: it never knows cases, channels' protocols or staff; modules that keep rows by owner
 * move them themselves on {@link io.directline.customer.OwnersMerged} and
 * {@link io.directline.customer.OwnerMergeUndone}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.directline.customer;
