package io.directline.escalation.guard;

/** One rule of the escalation guard: a plain function of the attempt, deciding with a reason. */
public interface GuardRule {

    /** What an owner who cannot escalate to an executive now can do instead. */
    String SUPERVISOR_CALLBACK = "you can ask for a supervisor callback";

    /** A short stable name, recorded with each decision. */
    String name();

    RuleDecision check(Attempt attempt);
}
