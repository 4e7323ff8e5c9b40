package io.directline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.directline.customer.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class SupportCaseTests {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);

    private static SupportCase newCase() {
        return new SupportCase(7L, "  Brake noise  ", Channel.EMAIL, null, "service", null, T0);
    }

    @Test
    void opensAsNewWithNormalPriorityAndTrimmedSubject() {
        var c = newCase();
        assertThat(c.getStatus()).isEqualTo(CaseStatus.NEW);
        assertThat(c.getPriority()).isEqualTo(Priority.NORMAL);
        assertThat(c.getSubject()).isEqualTo("Brake noise");
    }

    @Test
    void referenceIsZeroPaddedToSixDigits() {
        assertThat(SupportCase.reference(123)).isEqualTo("DL-000123");
        assertThat(SupportCase.reference(1_234_567)).isEqualTo("DL-1234567");
    }

    @Test
    void movesAlongAllowedTransitionsAndRecordsTheTime() {
        var c = newCase();
        c.moveTo(CaseStatus.OPEN, T1);
        c.moveTo(CaseStatus.RESOLVED, T1);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.getUpdatedAt()).isEqualTo(T1);
    }

    @Test
    void refusesAnyMoveOutOfClosedWithAConflictThatSaysWhy() {
        var c = newCase();
        c.moveTo(CaseStatus.CLOSED, T1);
        assertThatThrownBy(() -> c.moveTo(CaseStatus.OPEN, T1))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getBody().getDetail()).contains("CLOSED").contains("can no longer change");
                });
        assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void refusesResolvedToWaitingAndNamesTheAllowedStatuses() {
        var c = newCase();
        c.moveTo(CaseStatus.RESOLVED, T1);
        assertThatThrownBy(() -> c.moveTo(CaseStatus.WAITING_ON_CUSTOMER, T1))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getBody().getDetail()).contains("OPEN, CLOSED"));
    }

    @Test
    void reopensResolvedCaseWhenOwnerReplies() {
        var c = newCase();
        c.moveTo(CaseStatus.RESOLVED, T0);
        var from = c.ownerWrote(T1);
        assertThat(from).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void ownerReplyHandsAWaitingCaseBackToTheCompany() {
        var c = newCase();
        c.moveTo(CaseStatus.WAITING_ON_CUSTOMER, T0);
        c.ownerWrote(T1);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void ownerReplyLeavesACaseWaitingOnTheCompanyAsItIs() {
        var c = newCase();
        c.moveTo(CaseStatus.WAITING_ON_COMPANY, T0);
        c.ownerWrote(T1);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.WAITING_ON_COMPANY);
    }

    @Test
    void refusesOwnerMessageOnClosedCase() {
        var c = newCase();
        c.moveTo(CaseStatus.CLOSED, T0);
        assertThatThrownBy(() -> c.ownerWrote(T1)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getBody().getDetail()).contains("open a new case");
        });
    }

    @Test
    void firstCompanyAnswerOpensANewCase() {
        var c = newCase();
        c.companyReplied(T1);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicated() {
        var c = newCase();
        c.retag(java.util.List.of(" Brakes", "brakes", "", "Aurora "), T1);
        assertThat(c.getTags()).containsExactlyInAnyOrder("brakes", "aurora");
    }
}
