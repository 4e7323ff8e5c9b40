/**
 * No case goes dark; {@code sla} notices, {@code escalation} acts. It owns SLA policies (targets by channel,
 * priority and owner tier on a business calendar), the clocks of every case driven by what happens to it,
 * promises made to owners, the notices telling owners we are late, the watchdog and the go-dark figures, and it
 * publishes {@link io.directline.sla.SlaBreached}, {@link io.directline.sla.PromiseBroken},
 * {@link io.directline.sla.PromiseKept} and {@link io.directline.sla.PromiseMade}. It must never know the
 * escalation ladder, its rungs or who holds a case on it: that is {@code escalation}'s.
 *
 * <p>A late case is handed on through {@link io.directline.sla.LateCaseHandler}, an interface declared here and
 * implemented by the ladder, called in the transaction that records the breach rather than through an
 * asynchronous listener: the watchdog claims each due row with {@code FOR UPDATE SKIP LOCKED}, so the row's
 * change, its event and the climb commit together — a breach is never recorded without its climb and never
 * climbs twice, on every node, with no idempotency bookkeeping, and the time-travel and two-node tests need not
 * wait for a listener.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "SLA",
        allowedDependencies = {"cases", "customer", "identity", "web"})
package io.directline.sla;
