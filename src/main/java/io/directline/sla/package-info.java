/**
 * No case goes dark. SLA policies (targets for first response, next response and resolution by channel,
 * priority and owner tier, on a business calendar), the clocks of every case driven by what happens to it,
 * promises made to owners, and the watchdog that handles whatever comes due: a breached clock or a broken
 * promise climbs the case one rung of the escalation ladder (assignee, team supervisor, executive office),
 * notifies the new holder and tells the owner honestly, as a new promise, when they will hear from us.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.directline.sla;
