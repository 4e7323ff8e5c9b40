package io.directline.experience.survey;

import io.directline.cases.CaseManagement;
import io.directline.identity.DirectLineUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey pages: the one a link in the e-mail opens (no sign-in; the link's token is the owner's alone), and the
 * owner's open surveys on the portal.
 *
 * <p>A click on a score in the e-mail opens the page with that score chosen and records nothing until the owner sends
 * it: mail filters (Microsoft Defender Safe Links, Mimecast, Proofpoint) open every link in a message before the owner
 * does, and a link that answered on opening would record the filter's "click" — the first link, the best score — as
 * the owner's answer and burn the single-use token.
 */
@Controller
class SurveyPageController {

    private final Surveys surveys;
    private final CaseManagement cases;

    SurveyPageController(Surveys surveys, CaseManagement cases) {
        this.surveys = surveys;
        this.cases = cases;
    }

    @GetMapping("/survey/{token}")
    String open(
            @PathVariable String token,
            @RequestParam(required = false) String score,
            Model model,
            HttpServletResponse response) {
        var opened = surveys.open(token);
        if (!(opened instanceof Surveys.Answer.Open open)) {
            return closed(opened, model, response);
        }
        show(open.survey(), token, model);
        model.addAttribute("chosen", parse(score));
        return "experience/survey";
    }

    @PostMapping("/survey/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam(required = false) String score,
            Model model,
            HttpServletResponse response) {
        var opened = surveys.open(token);
        if (!(opened instanceof Surveys.Answer.Open open)) {
            return closed(opened, model, response);
        }
        var survey = open.survey();
        Integer chosen = parse(score);
        if (chosen == null || !survey.fits(chosen)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(survey, token, model);
            model.addAttribute("chosen", null);
            model.addAttribute("problem", "Choose one score from " + survey.scale() + ".");
            return "experience/survey";
        }
        var answered = surveys.answerByToken(token, chosen);
        if (!(answered instanceof Surveys.Answer.Recorded recorded)) {
            return closed(answered, model, response);
        }
        model.addAttribute("score", recorded.score());
        model.addAttribute("scale", recorded.survey().scale());
        model.addAttribute("sorry", survey.poor(recorded.score()));
        return "experience/survey-thanks";
    }

    @GetMapping("/portal/surveys")
    String portal(@AuthenticationPrincipal DirectLineUser user, Model model) {
        var open = surveys.openFor(user.customerId());
        model.addAttribute("surveys", open.stream().map(this::portalView).toList());
        return "experience/portal-surveys";
    }

    @PostMapping("/portal/surveys/{id}")
    String answerOnPortal(
            @AuthenticationPrincipal DirectLineUser user,
            @PathVariable long id,
            @RequestParam(required = false) String score,
            RedirectAttributes redirect) {
        var recorded = surveys.answerOnPortal(id, user.customerId(), parse(score));
        if (recorded instanceof Surveys.Answer.Recorded given) {
            redirect.addFlashAttribute(
                    "notice", "Thank you: we recorded " + given.score() + " for " + reference(given.survey()) + ".");
        }
        return "redirect:/portal/surveys";
    }

    /** A survey as the portal shows it: the question and the scores to choose from, best first. */
    record PortalSurvey(long id, String question, String scale, List<Integer> scores) {}

    private PortalSurvey portalView(Survey survey) {
        return new PortalSurvey(survey.id(), survey.question(reference(survey)), survey.scale(), scores(survey));
    }

    private void show(Survey survey, String token, Model model) {
        model.addAttribute("survey", survey);
        model.addAttribute("question", survey.question(reference(survey)));
        model.addAttribute("scale", survey.scale());
        model.addAttribute("scores", scores(survey));
        model.addAttribute("token", token);
    }

    private String reference(Survey survey) {
        return cases.find(survey.caseId()).map(c -> c.reference()).orElse("your case");
    }

    private static List<Integer> scores(Survey survey) {
        var scores = new java.util.ArrayList<Integer>();
        for (int s = survey.max(); s >= survey.min(); s--) {
            scores.add(s);
        }
        return scores;
    }

    /** A friendly page for a link that does not work (any more), with the status that says why. */
    private static String closed(Surveys.Answer answer, Model model, HttpServletResponse response) {
        String why;
        if (answer instanceof Surveys.Answer.AlreadyAnswered) {
            response.setStatus(HttpServletResponse.SC_GONE);
            why = "You answered this survey before, and your first answer stands. Thank you for it.";
        } else if (answer instanceof Surveys.Answer.Expired) {
            response.setStatus(HttpServletResponse.SC_GONE);
            why = "This survey has closed, so we no longer take answers to it. If something is still wrong, write to"
                    + " us: we read every message.";
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            why = "This link does not open a survey. It may have been cut short when it was copied: try the link in the"
                    + " message again, or answer in your portal.";
        }
        model.addAttribute("why", why);
        return "experience/survey-closed";
    }

    private static Integer parse(String score) {
        if (score == null || !score.strip().matches("\\d{1,2}")) {
            return null;
        }
        return Integer.parseInt(score.strip());
    }
}
