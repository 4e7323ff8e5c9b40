package io.directline.experience;

/** What an experience ledger entry records. Whether it counts for or against us is the entry's sign. */
public enum EntrySource {
    /** The company's first answer came within the SLA's first-response target (+) or after it (−). */
    FIRST_RESPONSE,
    /** The case was resolved within the SLA's resolution target (+) or after it (−). */
    RESOLUTION,
    /** A promise made to the owner was kept (+) or broken (−). */
    PROMISE,
    /** The case was resolved on first contact (+). */
    FIRST_CONTACT_RESOLUTION,
    /** A resolved case was opened again (−). */
    CASE_REOPENED,
    /** The case had to climb the escalation ladder (−; whether it was our failure is in the entry's note). */
    ESCALATION,
    /** A delay was told before the owner asked (+) or the owner had to ask (−). */
    DELAY_TOLD,
    /** The owner answered a CSAT or NPS survey (+ for a good score, − for a poor one). */
    SURVEY,
    /** A service visit happened on time (+) or late (−). */
    SERVICE_VISIT,
    /** Written by staff, with a reason. */
    MANUAL
}
