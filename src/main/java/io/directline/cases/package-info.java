/**
 * Support cases: their conversation across channels (messages in, out and internal notes), the status lifecycle,
 * assignment, tags and the audit trail of every change. Other modules read and write through
 * {@link io.directline.cases.CaseManagement} and listen to its events; the staff's and owners' screens live in
 * {@code desk}, {@code inbox} and {@code portal}. It never knows a channel's protocol, an SLA or the escalation
 * ladder's rules: it only records what they decide.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package io.directline.cases;
