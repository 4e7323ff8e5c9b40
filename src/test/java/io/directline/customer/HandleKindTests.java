package io.directline.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class HandleKindTests {

    @Test
    void twoSpellingsOfOneHandleHaveOneLookupKey() {
        assertThat(HandleKind.EMAIL.lookupKey("  Ada.Lovelace@Example.ORG ")).isEqualTo("ada.lovelace@example.org");
        assertThat(HandleKind.PHONE.lookupKey("+1 (555) 010-0123")).isEqualTo("+15550100123");
        assertThat(HandleKind.PHONE.lookupKey("0049 30 1234567")).isEqualTo("+49301234567");
        assertThat(HandleKind.PHONE.lookupKey("030 / 123 45 67")).isEqualTo("0301234567");
        assertThat(HandleKind.X.lookupKey("@AdaL")).isEqualTo(HandleKind.X.lookupKey("adal"));
        assertThat(HandleKind.MASTODON.lookupKey("@Ada@Mastodon.Social")).isEqualTo("ada@mastodon.social");
    }

    @Test
    void whatIsNoHandleHasNoKey() {
        assertThat(HandleKind.PHONE.lookupKey("ask my wife")).isNull();
        assertThat(HandleKind.EMAIL.lookupKey("   ")).isNull();
        assertThat(HandleKind.X.lookupKey("@")).isNull();
        assertThat(HandleKind.X.lookupKey(null)).isNull();
    }

    @Test
    void anUnknownKindIsABadRequestNamingTheKinds() {
        assertThat(HandleKind.parse(" mastodon ")).isEqualTo(HandleKind.MASTODON);
        assertThatThrownBy(() -> HandleKind.parse("fax")).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(e.getBody().getDetail())
                    .isEqualTo("Unknown handle kind 'fax'; the kinds are EMAIL, PHONE, X, MASTODON.");
        });
    }

    @Test
    void whatLooksLikeAPhoneNumberIsSearchedByItsDigits() {
        assertThat(OwnerHandles.looksLikePhone("+1 555-01")).isTrue();
        assertThat(OwnerHandles.looksLikePhone("ada@ex")).isFalse();
        assertThat(OwnerHandles.looksLikePhone("---")).isFalse();
    }
}
