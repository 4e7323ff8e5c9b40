-- Owner tiers: SLA policies may promise higher tiers faster answers.
alter table customer add column tier varchar(10) default 'STANDARD' not null;

-- When a case next breaches one of its SLA targets; the inbox sorts by it (earliest first).
alter table support_case add column sla_due_at timestamp(6) with time zone;
create index support_case_sla_due_idx on support_case (sla_due_at, id);

-- SLA policies: targets of working time by channel, priority and owner tier, on a business calendar.
-- A null channel, priority or tier matches any; the most specific active policy wins.
-- starts after the standard policy below (id 1)
create sequence sla_policy_seq start with 51 increment by 50;
create table sla_policy (
    id                       bigint primary key,
    name                     varchar(100) not null,
    channel                  varchar(20),
    priority                 varchar(10),
    tier                     varchar(10),
    first_response_seconds   bigint,
    next_response_seconds    bigint,
    resolution_seconds       bigint,
    time_zone                varchar(60) not null,
    -- null: around the clock; else "MONDAY=09:00-12:00,13:00-17:00;TUESDAY=..."
    working_hours            varchar(2000),
    -- ISO dates separated by commas
    holidays                 varchar(4000),
    active                   boolean not null default true,
    created_at               timestamp(6) with time zone not null,
    updated_at               timestamp(6) with time zone not null,
    version                  bigint not null default 0
);
create index sla_policy_active_idx on sla_policy (active);

-- Every case starts on the standard policy unless an administrator adds a more specific one.
insert into sla_policy (id, name, first_response_seconds, next_response_seconds, resolution_seconds,
                        time_zone, working_hours, holidays, active, created_at, updated_at)
values (1, 'Standard', 14400, 28800, 432000, 'UTC', null, null, true,
        timestamp with time zone '2026-01-01 00:00:00+00', timestamp with time zone '2026-01-01 00:00:00+00');

-- What the SLA module knows about a case: its policy, whether it was ever answered, and who holds it
-- on the escalation ladder (0 assignee, 1 team supervisor, 2 executive office).
create table case_sla (
    case_id     bigint primary key references support_case (id),
    -- null when no policy applied (a promise broken on such a case still climbs the ladder)
    policy_id   bigint references sla_policy (id),
    answered    boolean not null default false,
    level       int not null default 0,
    holder      varchar(100),
    version     bigint not null default 0
);
create index case_sla_policy_idx on case_sla (policy_id);

-- One SLA clock of a case. watch_at is the due time while the clock runs and has not been handled by
-- the watchdog; otherwise null. The watchdog reads only rows with watch_at <= now, by the index.
create sequence sla_clock_seq start with 1 increment by 50;
create table sla_clock (
    id              bigint primary key,
    case_id         bigint not null references support_case (id),
    kind            varchar(20) not null,
    policy_id       bigint not null references sla_policy (id),
    state           varchar(10) not null,
    target_millis   bigint not null,
    used_millis     bigint not null,
    started_at      timestamp(6) with time zone not null,
    last_change     timestamp(6) with time zone not null,
    due_at          timestamp(6) with time zone,
    watch_at        timestamp(6) with time zone,
    breached_at     timestamp(6) with time zone,
    stopped_at      timestamp(6) with time zone,
    version         bigint not null default 0
);
create index sla_clock_watch_idx on sla_clock (watch_at);
create index sla_clock_case_idx on sla_clock (case_id, state);
create index sla_clock_breached_idx on sla_clock (breached_at);

-- The escalation trail: each rung a case climbed, why, and from whom to whom.
create sequence case_escalation_seq start with 1 increment by 50;
create table case_escalation (
    id          bigint primary key,
    case_id     bigint not null references support_case (id),
    level       int not null,
    cause       varchar(20) not null,
    reason      varchar(500) not null,
    from_holder varchar(100),
    to_holder   varchar(100) not null,
    at          timestamp(6) with time zone not null
);
create index case_escalation_case_idx on case_escalation (case_id, at);
create index case_escalation_at_idx on case_escalation (at);

-- Automatic notices telling an owner we are late: at most one per owner per gap, never in quiet hours.
create sequence owner_notice_seq start with 1 increment by 50;
create table owner_notice (
    id          bigint primary key,
    case_id     bigint not null references support_case (id),
    customer_id bigint not null references customer (id),
    body        varchar(2000) not null,
    send_at     timestamp(6) with time zone not null,
    sent_at     timestamp(6) with time zone,
    status      varchar(10) not null,
    version     bigint not null default 0
);
create index owner_notice_customer_idx on owner_notice (customer_id, send_at);
create index owner_notice_due_idx on owner_notice (status, send_at);

-- What a staff member has to know: a case escalated to them.
create sequence staff_notification_seq start with 1 increment by 50;
create table staff_notification (
    id          bigint primary key,
    username    varchar(100) not null,
    case_id     bigint not null references support_case (id),
    text        varchar(500) not null,
    created_at  timestamp(6) with time zone not null,
    read_at     timestamp(6) with time zone
);
create index staff_notification_user_idx on staff_notification (username, read_at, created_at);

-- Go-dark figures count broken promises per week.
create index promise_broken_idx on promise (broken_at);
create index promise_kept_idx on promise (kept_at);
