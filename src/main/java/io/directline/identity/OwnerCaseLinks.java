package io.directline.identity;

import io.directline.customer.Channel;

/**
 * Links that sign an owner in and open one of their cases, for long answers on channels that cannot carry them
 * (SMS, a private message on a social network). Each link is single-use, expires, and is bound to the owner and the
 * case. An owner who has no login yet (first met on X, Mastodon or by SMS) is offered to claim their account: the
 * link's page sends a one-time code to the handle the link was sent to, and the code signs them in and opens the
 * case. Never put one in a public post: it is meant for the one person who received it privately.
 */
public interface OwnerCaseLinks {

    /**
     * A new link for {@code customerId} to open {@code caseId}: an absolute URL, never null.
     *
     * @param via the channel the link is sent on privately (SMS, X, Mastodon)
     * @param recipient the owner's address there (phone number, network account id), where a code to claim the
     *     account is sent; null when there is none
     */
    String caseLink(long customerId, long caseId, Channel via, String recipient);
}
