package io.directline.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database of its own for tests whose nodes must be the only ones at work on it (a watchdog sweeping
 * with a clock the test moves, or two nodes racing for the same rows). The suite's contexts share one
 * database and keep their schedulers running while cached, so they would otherwise take part. On H2 this
 * is a named in-memory database; on PostgreSQL a schema of its own in the suite's database.
 */
public final class IsolatedDatabase {

    private IsolatedDatabase() {}

    /** The Spring properties pointing a context at the isolated database {@code name} (lower-case letters). */
    public static Map<String, String> properties(String name) {
        var suiteUrl = System.getProperty("spring.datasource.url", "jdbc:h2:mem:directline");
        var properties = new LinkedHashMap<String, String>();
        if (suiteUrl.startsWith("jdbc:postgresql:")) {
            properties.put(
                    "spring.datasource.url", suiteUrl + (suiteUrl.contains("?") ? "&" : "?") + "currentSchema=" + name);
            properties.put("spring.flyway.schemas", name);
            properties.put("spring.flyway.default-schema", name);
            properties.put("spring.flyway.create-schemas", "true");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        return properties;
    }
}
