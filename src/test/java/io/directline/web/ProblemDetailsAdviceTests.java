package io.directline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** What a caller is told when the database, not validation, refuses a change. */
class ProblemDetailsAdviceTests {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aValueTooLongForItsColumnIsTheCallersToCorrect() {
        var answer = advice.duplicate(refused("Value too long for column \"CITY CHARACTER VARYING(120)\"", "22001"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getDetail()).isEqualTo(ProblemDetailsAdvice.VALUE_DOES_NOT_FIT);
    }

    @Test
    void aNumberOutOfRangeOrAnUnstorableCharacterIsTheCallersToCorrect() {
        assertThat(advice.duplicate(refused("numeric field overflow", "22003"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(advice.duplicate(refused("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void aDuplicateCaughtByAUniqueIndexIsAConflict() {
        var answer = advice.duplicate(refused("duplicate key value violates unique constraint", "23505"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getDetail()).contains("at the same moment");
    }

    private static DataIntegrityViolationException refused(String message, String sqlState) {
        return new DataIntegrityViolationException(
                "could not execute statement", new RuntimeException(new SQLException(message, sqlState)));
    }
}
