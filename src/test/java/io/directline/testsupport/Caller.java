package io.directline.testsupport;

/** Who calls an endpoint or a screen: nobody signed in, or a login with one role. */
public enum Caller {
    ANONYMOUS,
    OWNER,
    AGENT,
    SUPERVISOR,
    EXECUTIVE,
    ADMIN
}
