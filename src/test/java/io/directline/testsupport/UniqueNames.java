package io.directline.testsupport;

import java.util.UUID;

/** Names, usernames and addresses of their own for each test, since all test classes share one database. */
public final class UniqueNames {

    private UniqueNames() {}

    /** Eight random hexadecimal characters. */
    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code prefix-} followed by a {@link #suffix()}. */
    public static String unique(String prefix) {
        return prefix + "-" + suffix();
    }
}
