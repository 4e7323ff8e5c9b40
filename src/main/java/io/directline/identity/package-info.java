/**
 * Users, roles, sign-in ({@code signin}), personal API tokens ({@code token}), the authorization rules
 * ({@code security}) and staff's working hours ({@code workinghours}); other modules see
 * {@link io.directline.identity.UserManagement}, {@link io.directline.identity.DirectLineUser} and staff members'
 * availability. It never knows cases, SLAs or escalations: who may do what is decided here by role, not by a case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.directline.identity;
