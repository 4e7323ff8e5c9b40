-- Promises made to an owner ("we will call you back Friday"): each has a due time and a responsible
-- staff member, and is kept by telling the owner or broken by the watchdog when its time passes.
create sequence promise_seq start with 1 increment by 50;
create table promise (
    id          bigint primary key,
    case_id     bigint not null references support_case (id),
    description varchar(500) not null,
    due_at      timestamp(6) with time zone not null,
    responsible varchar(100) not null,
    status      varchar(10) not null,
    created_by  varchar(100) not null,
    created_at  timestamp(6) with time zone not null,
    kept_at     timestamp(6) with time zone,
    broken_at   timestamp(6) with time zone,
    version     bigint not null default 0
);
-- the watchdog asks "what is due now": status = OPEN and due_at <= now, earliest first
create index promise_due_idx on promise (status, due_at);
create index promise_case_idx on promise (case_id);
