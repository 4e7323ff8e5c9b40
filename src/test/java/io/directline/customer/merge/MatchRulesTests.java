package io.directline.customer.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.directline.customer.HandleKind;
import org.junit.jupiter.api.Test;

class MatchRulesTests {

    @Test
    void theAddressesAndNumbersWrittenInAMessageAreFound() {
        var text = "Hi, it's Ada (Ada.L@Example.org.). Call +1 (555) 010-0123 or 030 1234567, not about DL-00012345"
                + " of 2026-12-02.";
        assertThat(MatchRules.emailsIn(text)).containsExactly("ada.l@example.org");
        assertThat(MatchRules.phonesIn(text))
                .contains("+15550100123", "0301234567")
                .doesNotContain("00012345");
    }

    @Test
    void aMessageFullOfNumbersIsReadOnlyUpToTheLimit() {
        var text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append(" +49 30 55500").append(10 + i).append(" a").append(i).append("@example.org");
        }
        assertThat(MatchRules.phonesIn(text.toString())).hasSize(MatchRules.MAX_NAMED);
        assertThat(MatchRules.emailsIn(text.toString())).hasSize(MatchRules.MAX_NAMED);
        assertThat(MatchRules.phonesIn(null)).isEmpty();
    }

    @Test
    void aNumberWrittenWithOrWithoutItsCountryCodeIsTheSameNumber() {
        assertThat(MatchRules.phoneVariants("+49301234567"))
                .contains("49301234567", "0301234567", "301234567")
                .doesNotContain("+49301234567");
        assertThat(MatchRules.phoneVariants("0301234567")).contains("+0301234567", "301234567");
        assertThat(MatchRules.phoneVariants("")).isEmpty();
    }

    @Test
    void aMastodonAccountAndAnEmailAddressMayBeTheSameHandle() {
        assertThat(MatchRules.crossKind(HandleKind.EMAIL)).isEqualTo(HandleKind.MASTODON);
        assertThat(MatchRules.crossKind(HandleKind.MASTODON)).isEqualTo(HandleKind.EMAIL);
        assertThat(MatchRules.crossKind(HandleKind.PHONE)).isNull();
    }

    @Test
    void theSameNameMatchesOnlyInTheSameCity() {
        assertThat(MatchRules.sameNameSameCity("Ada  Lovelace", "Berlin ", "ada lovelace", "berlin"))
                .isTrue();
        assertThat(MatchRules.sameNameSameCity("Ada Lovelace", "Berlin", "Ada Lovelace", "Hamburg"))
                .isFalse();
        assertThat(MatchRules.sameNameSameCity("Ada Lovelace", null, "Ada Lovelace", null))
                .isFalse();
        assertThat(MatchRules.sameNameSameCity("Ada Lovelace", "Berlin", "Ada Byron", "Berlin"))
                .isFalse();
    }
}
