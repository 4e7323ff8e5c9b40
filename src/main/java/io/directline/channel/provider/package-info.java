/** Shared plumbing of the providers' inbound webhooks: raw bodies, signatures, refusals. */
package io.directline.channel.provider;
