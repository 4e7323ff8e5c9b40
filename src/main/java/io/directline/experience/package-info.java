/**
 * What each owner has lived through with us, kept as a ledger: every experience an entry with a sign, a weight and
 * its source (a case, an order or a visit), one bad experience weighing {@code directline.experience.negative-weight}
 * good ones over a rolling window; the owner's {@link io.directline.experience.Standing} (balance, at risk, lifetime
 * value and the value at stake); recovery playbooks started by a negative entry; CSAT and NPS surveys; and the
 * priority that orders the agents' inbox by what is at stake. It learns only from other modules' events and acts
 * only through their APIs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Experience",
        allowedDependencies = {
            "cases",
            "sla",
            "escalation",
            "journey",
            "servicecenter",
            "channel",
            "customer",
            "identity",
            "web"
        })
package io.directline.experience;
