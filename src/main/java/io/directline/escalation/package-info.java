/**
 * Owners choose who answers. An owner may take their case straight to a company executive; because that button
 * is the quickest way to an answer, it is a guarded privilege: a guard of small, configurable rules decides each
 * attempt and says in plain words which rule refused, what the owner can do now and, where waiting helps, when.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Executive escalation")
package io.directline.escalation;
