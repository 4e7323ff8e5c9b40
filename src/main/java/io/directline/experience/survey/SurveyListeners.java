package io.directline.experience.survey;

import io.directline.cases.CaseStatus;
import io.directline.cases.CaseStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** After a resolution, the owner is asked how we did (when the survey rules allow). */
@Component
class SurveyListeners {

    private final Surveys surveys;

    SurveyListeners(Surveys surveys) {
        this.surveys = surveys;
    }

    @ApplicationModuleListener
    void on(CaseStatusChanged changed) {
        if (changed.to() == CaseStatus.RESOLVED && changed.from() != CaseStatus.CLOSED) {
            surveys.offerAfterResolution(changed.caseId());
        }
    }
}
