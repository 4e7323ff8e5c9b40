-- Outbound delivery: one row per answer to send, created from the ReplyPosted event (whose
-- publication row commits with the answer), taken by the dispatcher when due.
create sequence outbound_message_seq start with 1 increment by 50;
create table outbound_message (
    id               bigint primary key,
    case_id          bigint not null references support_case (id),
    message_id       bigint not null references case_message (id),
    customer_id      bigint not null references customer (id),
    channel          varchar(20) not null,
    recipient        varchar(320),
    subject          varchar(400),
    body             varchar(262144) not null,
    author           varchar(200) not null,
    status           varchar(12) not null,
    attempts         int not null default 0,
    next_attempt_at  timestamp(6) with time zone,
    last_error       varchar(1000),
    provider_id      varchar(300),
    idempotency_key  varchar(100) not null,
    created_at       timestamp(6) with time zone not null,
    sent_at          timestamp(6) with time zone,
    version          bigint not null default 0
);
create unique index outbound_message_message_uk on outbound_message (message_id);
-- the dispatcher asks "what is due now": status = QUEUED and next_attempt_at <= now, oldest first
create index outbound_message_due_idx on outbound_message (status, next_attempt_at);

-- Keys by which a channel threads a message into a case: e-mail Message-IDs (ours and the owner's),
-- social conversation ids, status ids.
create table channel_thread_key (
    channel    varchar(20) not null,
    thread_key varchar(400) not null,
    case_id    bigint not null references support_case (id) on delete cascade,
    created_at timestamp(6) with time zone not null,
    primary key (channel, thread_key)
);
create index channel_thread_key_case_idx on channel_thread_key (case_id, channel, created_at);

alter table case_message add column delivery_status varchar(12);
alter table case_message add column delivery_detail varchar(1000);
alter table support_case add column public_thread boolean not null default false;
