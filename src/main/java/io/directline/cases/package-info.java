/**
 * Support cases: their conversation across channels (messages in, out and internal notes), the status
 * lifecycle, assignment, tags and the audit trail of every change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package io.directline.cases;
