/** What staff members must know — a case was escalated to them — and which of it they have read. */
package io.directline.escalation.notification;
