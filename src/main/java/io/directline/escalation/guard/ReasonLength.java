package io.directline.escalation.guard;

import org.springframework.http.HttpStatus;

/**
 * The owner tells the executive what went wrong in at least {@code minReasonLength} characters. Characters are
 * counted after trimming and collapsing runs of white space, so padding does not count. Refused with 400, saying
 * how many characters are missing.
 */
final class ReasonLength implements GuardRule {

    private final int minReasonLength;

    ReasonLength(int minReasonLength) {
        this.minReasonLength = minReasonLength;
    }

    @Override
    public String name() {
        return "reason-length";
    }

    @Override
    public RuleDecision check(Attempt attempt) {
        int length = length(attempt.reason());
        if (length < minReasonLength) {
            return RuleDecision.refused(
                    name(),
                    HttpStatus.BAD_REQUEST,
                    "Please tell the executive what went wrong in at least " + minReasonLength + " characters: your"
                            + " reason has " + length + ", so "
                            + InWords.plural(minReasonLength - length, "more character") + " "
                            + (minReasonLength - length == 1 ? "is" : "are") + " needed.");
        }
        return RuleDecision.allowed(
                name(), "Your reason has " + length + " characters; at least " + minReasonLength + " are needed.");
    }

    static int length(String reason) {
        if (reason == null) {
            return 0;
        }
        var text = reason.strip().replaceAll("\\s+", " ");
        return text.codePointCount(0, text.length());
    }
}
