package io.directline.cases;

import java.util.Optional;

/**
 * The company's sending a case answers (a broadcast the owner replied to), as the staff case page links it:
 * declared here and implemented by the module that sends, so {@code cases} shows the link without depending on it.
 */
public interface CaseNoticeLinks {

    /** The sending the case was opened to answer, if it was; one indexed read. */
    Optional<CaseNotice> noticeOf(SupportCase supportCase);

    /**
     * A sending as the case page names it.
     *
     * @param label what it was, in words ({@code broadcast #42 “Your delivery date”})
     * @param link the staff screen of the sending
     */
    record CaseNotice(String label, String link) {}
}
