package io.directline.broadcast.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class TemplateTests {

    private static final Template.Personal ANNA = new Template.Personal(
            "Anna", "ORD-1042", LocalDate.of(2027, 3, 5), LocalDate.of(2027, 4, 16), "a supplier's strike");

    @Test
    void fillsEveryPersonalFieldWithDatesAsPeopleWriteThem() {
        var template = new Template(
                "{firstName}, your {orderRef} moves to {newDate}",
                "Dear {firstName},\nyour car {orderRef} was due on {previousDate}; because of {reason} it now comes on"
                        + " {newDate}.",
                "{firstName}: {orderRef} now {newDate}.");

        var text = template.render(ANNA);

        assertThat(text.subject()).isEqualTo("Anna, your ORD-1042 moves to Friday 16 April 2027");
        assertThat(text.fullText())
                .isEqualTo("Dear Anna,\nyour car ORD-1042 was due on Friday 5 March 2027; because of a supplier's"
                        + " strike it now comes on Friday 16 April 2027.");
        assertThat(text.shortText()).isEqualTo("Anna: ORD-1042 now Friday 16 April 2027.");
    }

    @Test
    void refusesAnUnknownPlaceholderNamingIt() {
        assertThatThrownBy(() -> new Template("Delay", "Dear {firstname}, your {car} is late.", null))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).contains("{firstname}").contains("{car}");
                    assertThat(e.getBody().getProperties()).containsEntry("field", "fullText");
                });
    }

    @Test
    void refusesAShortTextLongerThanAnSmsCarries() {
        assertThatThrownBy(() -> new Template("Delay", "Text", "x".repeat(281)))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getBody().getDetail()).contains("281 characters"));
    }

    @Test
    void aMissingDetailLeavesNoBraceBehind() {
        var text = new Template("News", "Why: {reason}. Before: {previousDate}.", null)
                .render(new Template.Personal("", "ORD-1", null, LocalDate.of(2027, 1, 4), null));

        assertThat(text.fullText()).isEqualTo("Why: . Before: .");
        assertThat(text.shortText()).isNull();
    }

    @Test
    void greetsByTheFirstWordOfTheName() {
        assertThat(Template.firstName("  Anna  Maria Berg ")).isEqualTo("Anna");
        assertThat(Template.firstName(null)).isEmpty();
    }
}
