package io.directline.identity;

/**
 * Links that sign an owner in and open one of their cases, for long answers on channels that cannot carry them
 * (SMS, a private message on a social network). Each link is single-use, expires, and is bound to the owner and the
 * case; following it claims the owner's account when they have no login yet. Never put one in a public post: it
 * signs in whoever follows it.
 */
public interface OwnerCaseLinks {

    /** A new link for {@code customerId} to open {@code caseId}: an absolute URL, never null. */
    String caseLink(long customerId, long caseId);
}
