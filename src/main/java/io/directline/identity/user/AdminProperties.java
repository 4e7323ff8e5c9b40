package io.directline.identity.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin.
 *
 * @param password the password of the {@code admin} login created at first start (environment variable
 *     {@code DIRECTLINE_ADMIN_PASSWORD}); when empty, one is generated and printed once
 */
@ConfigurationProperties("directline.admin")
record AdminProperties(String password) {}
