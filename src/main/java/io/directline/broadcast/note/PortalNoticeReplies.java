package io.directline.broadcast.note;

import io.directline.broadcast.sending.BroadcastProblems;
import io.directline.cases.Actor;
import io.directline.cases.CaseManagement;
import io.directline.channel.Notices;
import io.directline.customer.Channel;
import io.directline.identity.DirectLineUser;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner's reply on the portal to a notice they got: it threads into the case about the notice (a note's own case,
 * or the one a broadcast's reply opens or reuses), in one transaction with the case. The form's key makes a
 * double-submitted reply one message.
 */
@Service
class PortalNoticeReplies {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final Notices notices;
    private final CaseManagement cases;

    PortalNoticeReplies(Notices notices, CaseManagement cases) {
        this.notices = notices;
        this.cases = cases;
    }

    /** Takes the reply in; returns the case it is on. Throws a 400 problem for an empty reply. */
    @Transactional
    long reply(DirectLineUser owner, long noticeId, String body, String key) {
        if (body == null || body.isBlank()) {
            throw BroadcastProblems.invalidField("body", "Please write your reply.");
        }
        long caseId = notices.caseForReply(noticeId, owner.customerId());
        var externalId = key != null && KEY.matcher(key).matches() ? "notice-reply:" + noticeId + ":" + key : null;
        cases.receiveFromOwner(
                caseId, owner.customerId(), body, Channel.PORTAL, externalId, Actor.of(owner, Channel.PORTAL));
        return caseId;
    }
}
