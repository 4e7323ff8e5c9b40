package io.directline.escalation.responder;

import io.directline.cases.CaseProblems;
import io.directline.cases.CaseStatus;
import io.directline.cases.SupportCase;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Why an owner cannot choose who answers, each with a sentence the owner understands and what they can do. */
final class ResponderProblems {

    private ResponderProblems() {}

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        return CaseProblems.problem(status, title, detail);
    }

    static ErrorResponseException noPreviousAgent() {
        var e = problem(
                HttpStatus.CONFLICT,
                "No agent answered you before",
                "Nobody on our staff has answered you yet, on this case or an earlier one, so there is no agent to"
                        + " ask for. You can ask for a supervisor, or leave your case with our team.");
        e.getBody().setProperty("offers", List.of(ResponderKind.SUPERVISOR, ResponderKind.TEAM));
        return e;
    }

    static ErrorResponseException noSupervisor() {
        var e = problem(
                HttpStatus.CONFLICT,
                "No supervisor",
                "We have no supervisor who could take your case just now; our team will answer you.");
        e.getBody().setProperty("offers", List.of(ResponderKind.TEAM));
        return e;
    }

    static ErrorResponseException notActive(long caseId, CaseStatus status) {
        var reference = SupportCase.reference(caseId);
        return status == CaseStatus.CLOSED
                ? problem(
                        HttpStatus.CONFLICT,
                        "Case closed",
                        "Case " + reference + " is closed, so nobody answers it any more. If you need us again,"
                                + " please open a new case.")
                : problem(
                        HttpStatus.CONFLICT,
                        "Case resolved",
                        "Case " + reference + " is resolved. If the problem is not solved, write on the case to"
                                + " reopen it; then you can choose who answers.");
    }
}
