/** Users, roles, login, personal API tokens and the authorization rules. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.directline.identity;
