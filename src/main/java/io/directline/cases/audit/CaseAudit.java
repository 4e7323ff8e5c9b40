package io.directline.cases.audit;

import io.directline.cases.Actor;
import io.directline.customer.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** One line of a case's audit trail: who did what, when, from which channel. */
@Entity
public class CaseAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_audit_seq")
    @SequenceGenerator(name = "case_audit_seq", sequenceName = "case_audit_seq", allocationSize = 50)
    private Long id;

    private Long caseId;
    private Instant at;
    private String actor;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String action;
    private String detail;

    protected CaseAudit() {}

    public CaseAudit(long caseId, Instant at, Actor actor, String action, String detail) {
        this.caseId = caseId;
        this.at = at;
        this.actor = actor.username();
        this.channel = actor.channel();
        this.action = action;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }
}
