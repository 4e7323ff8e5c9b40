/**
 * The handles table behind {@link io.directline.customer.OwnerHandles}: each owner's e-mail addresses, phone numbers
 * and social accounts, found by their normalized lookup key. Internal to the customer module.
 */
package io.directline.customer.handle;
