-- Owners take a case to an executive. One row per escalation the guard let through.
create sequence executive_escalation_seq start with 1 increment by 50;
create table executive_escalation (
    id                   bigint primary key,
    case_id              bigint not null references support_case (id),
    customer_id          bigint not null references customer (id),
    domain               varchar(40) not null,
    executive            varchar(100),
    state                varchar(20) not null,
    reason               varchar(2000) not null,
    company_failed       boolean not null,
    frivolous            boolean not null default false,
    refused              boolean not null default false,
    requested_at         timestamp(6) with time zone not null,
    approved_at          timestamp(6) with time zone,
    first_response_due   timestamp(6) with time zone,
    first_response_at    timestamp(6) with time zone,
    first_response_late  boolean not null default false,
    promise_id           bigint,
    handed_to_team       varchar(60),
    closed_at            timestamp(6) with time zone,
    version              bigint not null default 0
);
-- the guard's quota and cool-down: an owner's escalations in the window, newest first
create index executive_escalation_owner_idx on executive_escalation (customer_id, requested_at);
-- the executive office's queue, by state then due time; and one case's escalations
create index executive_escalation_state_idx on executive_escalation (state, first_response_due, id);
create index executive_escalation_case_idx on executive_escalation (case_id, requested_at);
-- the figures, over a period
create index executive_escalation_requested_idx on executive_escalation (requested_at);
create index executive_escalation_promise_idx on executive_escalation (promise_id);

-- Every attempt the guard decided, allowed or refused, with each rule's decision (a JSON array).
create sequence escalation_attempt_seq start with 1 increment by 50;
create table escalation_attempt (
    id               bigint primary key,
    customer_id      bigint not null references customer (id),
    case_id          bigint not null references support_case (id),
    at               timestamp(6) with time zone not null,
    allowed          boolean not null,
    refused_by       varchar(40),
    status           int,
    retry_after      timestamp(6) with time zone,
    decisions        varchar(8000) not null,
    escalation_id    bigint references executive_escalation (id),
    idempotency_key  varchar(200)
);
create index escalation_attempt_at_idx on escalation_attempt (at);
create index escalation_attempt_case_idx on escalation_attempt (case_id, at);
create unique index escalation_attempt_key_uk on escalation_attempt (customer_id, idempotency_key);

-- What happened to an escalation, step by step: the trail shown on the case.
create sequence escalation_step_seq start with 1 increment by 50;
create table escalation_step (
    id             bigint primary key,
    escalation_id  bigint not null references executive_escalation (id),
    case_id        bigint not null references support_case (id),
    at             timestamp(6) with time zone not null,
    actor          varchar(100) not null,
    kind           varchar(30) not null,
    text           varchar(4000) not null
);
create index escalation_step_case_idx on escalation_step (case_id, at, id);

-- One row per owner who ever pressed the button: locked while the guard decides, so parallel attempts of one
-- owner are decided one after the other and cannot beat the quota together.
create table escalation_owner (
    customer_id      bigint primary key references customer (id),
    last_attempt_at  timestamp(6) with time zone not null
);
