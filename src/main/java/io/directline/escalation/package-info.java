/**
 * Executive escalation: {@code sla} notices, {@code escalation} acts. It owns the owner's request to take a case to an
 * executive with its guard of small rules that say in plain words why not and until when ({@code guard}), the
 * executive office that routes, answers, hands back and approves ({@code office}), the owner's choice of who answers
 * ({@code responder}) and the figures of it all ({@code report}); other modules start an escalation only through
 * {@link io.directline.escalation.OwnerEscalations}. It must never know how channels deliver, how {@code sla} keeps
 * its clocks, or another module's tables: it reads and changes cases only through {@code cases}' API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package io.directline.escalation;
