package io.directline.cases.desk;

import io.directline.cases.Actor;
import io.directline.cases.Attachments;
import io.directline.cases.CaseManagement;
import io.directline.cases.CaseMessage;
import io.directline.cases.CaseProblems;
import io.directline.customer.Channel;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do on a case from the case screen and the staff API that no other module does. */
@Service
class StaffDesk {

    private final CaseManagement cases;

    StaffDesk(CaseManagement cases) {
        this.cases = cases;
    }

    /**
     * A staff member answers the owner, on {@code channel} or, when null, the case's channel, after reading the
     * conversation with {@code ownerMessagesSeen} messages from the owner in it (null: unknown). Throws a 404 problem
     * for an unknown case and a 409 problem, storing nothing, when the owner wrote again since: the answer may no
     * longer fit.
     */
    @Transactional
    CaseMessage answer(long caseId, String body, Channel channel, Actor actor, Integer ownerMessagesSeen) {
        return answer(caseId, body, channel, actor, ownerMessagesSeen, List.of());
    }

    /** {@link #answer} with files attached, all stored with the answer or none. */
    @Transactional
    CaseMessage answer(
            long caseId,
            String body,
            Channel channel,
            Actor actor,
            Integer ownerMessagesSeen,
            List<Attachments.NewFile> files) {
        cases.get(caseId);
        if (ownerMessagesSeen != null && cases.ownerWroteSince(caseId, ownerMessagesSeen)) {
            throw CaseProblems.ownerWroteMeanwhile();
        }
        return cases.reply(caseId, body, channel, actor, files);
    }
}
