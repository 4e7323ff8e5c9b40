package io.directline.escalation;

/** One rule of the escalation guard: a plain function of the attempt, deciding with a reason. */
interface GuardRule {

    /** A short stable name, recorded with each decision. */
    String name();

    Decision check(Attempt attempt);
}
