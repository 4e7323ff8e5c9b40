package io.directline.identity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Who may read the API's documentation.
 *
 * @param open {@code directline.api-docs.public}: whether {@code /v3/api-docs} and Swagger UI are open to anyone;
 *     otherwise only signed-in staff read them
 */
@ConfigurationProperties("directline.api-docs")
record ApiDocsProperties(
        @Name("public") @DefaultValue("false") boolean open) {}
