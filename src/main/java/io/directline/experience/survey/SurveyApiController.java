package io.directline.experience.survey;

import io.directline.cases.CaseProblems;
import io.directline.customer.CustomerManagement;
import io.directline.experience.SurveyAnswered.SurveyKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Surveys",
        description = "CSAT or NPS after a resolution. Owners answer with the token of the link they were sent (no"
                + " sign-in; single-use, expiring); staff read an owner's surveys.")
@RestController
class SurveyApiController {

    private final Surveys surveys;
    private final CustomerManagement customers;

    SurveyApiController(Surveys surveys, CustomerManagement customers) {
        this.surveys = surveys;
        this.customers = customers;
    }

    /** A survey as staff see it (never its token). */
    record SurveyView(
            long id,
            long caseId,
            SurveyKind kind,
            String channel,
            Instant sentAt,
            Instant expiresAt,
            Instant answeredAt,
            Integer score,
            String answeredOn) {

        static SurveyView of(Survey s) {
            return new SurveyView(
                    s.id(),
                    s.caseId(),
                    s.kind(),
                    s.channel(),
                    s.sentAt(),
                    s.expiresAt(),
                    s.answeredAt(),
                    s.score(),
                    s.answeredOn());
        }
    }

    /**
     * An answer with the token of a survey link.
     *
     * @param token the token of the link the owner was sent
     * @param score 1–5 for CSAT, 0–10 for NPS
     */
    record AnswerRequest(
            @Schema(example = "kX2...") String token,
            @Schema(example = "5") Integer score) {}

    /** The recorded answer. */
    record AnswerView(long surveyId, SurveyKind kind, int score) {}

    @Operation(
            summary = "Answer a survey with its link's token (no sign-in)",
            description = "201 with the answer. 404 for a token that opens no survey, 409 for one answered before or"
                    + " expired (nothing recorded), 400 for a score outside the survey's scale.")
    @PostMapping("/api/v1/survey-answers")
    ResponseEntity<AnswerView> answer(@RequestBody(required = false) AnswerRequest body) {
        if (body == null || body.token() == null || body.token().isBlank()) {
            throw CaseProblems.invalidField("token", "Send the token of the survey link and a score.");
        }
        var answer = surveys.answerByToken(body.token().strip(), body.score());
        if (answer instanceof Surveys.Answer.Recorded recorded) {
            var survey = recorded.survey();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new AnswerView(survey.id(), survey.kind(), recorded.score()));
        }
        if (answer instanceof Surveys.Answer.AlreadyAnswered) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT,
                    "Answered before",
                    "This survey was answered before; the first answer stands and nothing was recorded.");
        }
        if (answer instanceof Surveys.Answer.Expired) {
            throw CaseProblems.problem(
                    HttpStatus.CONFLICT, "Survey closed", "This survey has expired; nothing was recorded.");
        }
        throw CaseProblems.problem(
                HttpStatus.NOT_FOUND, "Survey not found", "This token opens no survey; nothing was recorded.");
    }

    @Operation(summary = "An owner's surveys, newest first (at most 100)")
    @GetMapping("/api/v1/customers/{id}/surveys")
    List<SurveyView> ofOwner(@PathVariable long id) {
        customers.get(id);
        return surveys.ofOwner(id, 100).stream().map(SurveyView::of).toList();
    }
}
