-- Issue 12: two owners found to be one person are merged by an agent: everything of the one (from) follows to the
-- other (into), and can be moved back within the undo window. owner_merge is the record (who, why, when, undone);
-- owner_merge_moved names every row that moved, per table, so an undo moves exactly those back.
create sequence owner_merge_seq start with 1 increment by 50;
create table owner_merge (
    id               bigint primary key,
    from_customer_id bigint not null references customer (id),
    into_customer_id bigint not null references customer (id),
    reason           varchar(1000) not null,
    merged_by        varchar(100) not null,
    merged_at        timestamp(6) with time zone not null,
    undone_by        varchar(100),
    undone_at        timestamp(6) with time zone,
    version          bigint not null default 0
);
create index owner_merge_into_idx on owner_merge (into_customer_id, merged_at);
create index owner_merge_from_idx on owner_merge (from_customer_id, merged_at);

create table owner_merge_moved (
    merge_id   bigint not null references owner_merge (id),
    table_name varchar(60) not null,
    row_id     bigint not null,
    primary key (merge_id, table_name, row_id)
);

-- A likely match found when an unknown handle wrote: shown to staff with its reasons, never acted on alone.
create sequence owner_merge_suggestion_seq start with 1 increment by 50;
create table owner_merge_suggestion (
    id           bigint primary key,
    customer_id  bigint not null references customer (id),
    candidate_id bigint not null references customer (id),
    reasons      varchar(2000) not null,
    created_at   timestamp(6) with time zone not null,
    state        varchar(20) not null,
    decided_by   varchar(100),
    decided_at   timestamp(6) with time zone,
    version      bigint not null default 0
);
create unique index owner_merge_suggestion_pair_uk on owner_merge_suggestion (customer_id, candidate_id);
create index owner_merge_suggestion_candidate_idx on owner_merge_suggestion (candidate_id);

-- the rows that follow a merge are found by owner: the outbox had no index by owner
create index outbound_message_customer_idx on outbound_message (customer_id);
