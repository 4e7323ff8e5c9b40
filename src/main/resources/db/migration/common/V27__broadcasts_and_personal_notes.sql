-- A broadcast: a personal notice to every owner of a segment of orders, approved (by a second person above the
-- four-eyes threshold) and fanned out page by page; the cursor is the last owner id whose notice was queued, so a
-- fan-out cut short resumes after it. A client that repeats a create with the same Idempotency-Key gets the same one.
create sequence broadcast_seq start with 1 increment by 50;
create table broadcast (
    id                 bigint primary key,
    created_by         varchar(100) not null,
    created_by_name    varchar(200) not null,
    idempotency_key    varchar(200),
    created_at         timestamp(6) with time zone not null,
    segment_model      varchar(100),
    segment_region     varchar(100),
    segment_postal     varchar(20),
    segment_latitude   double precision,
    segment_longitude  double precision,
    segment_within_km  double precision,
    segment_milestone  varchar(30),
    segment_from       date,
    segment_to         date,
    segment_tags       varchar(1000),
    subject            varchar(300) not null,
    full_text          varchar(10000) not null,
    short_text         varchar(280),
    status             varchar(20) not null,
    recipients         bigint not null,
    queued             bigint not null default 0,
    cursor_customer_id bigint not null default 0,
    approved_by        varchar(100),
    approved_at        timestamp(6) with time zone,
    cancelled_by       varchar(100),
    cancelled_at       timestamp(6) with time zone,
    finished_at        timestamp(6) with time zone,
    version            bigint not null default 0
);
create unique index broadcast_idempotency_uk on broadcast (created_by, idempotency_key);
create index broadcast_status_idx on broadcast (status, id);
create index broadcast_created_idx on broadcast (created_at, id);

-- An executive's personal note to one owner, signed, with the case (held by the executive) a reply threads into.
create sequence personal_note_seq start with 1 increment by 50;
create table personal_note (
    id            bigint primary key,
    author        varchar(100) not null,
    author_name   varchar(200) not null,
    customer_id   bigint not null,
    broadcast_id  bigint references broadcast (id),
    case_id       bigint not null,
    subject       varchar(300) not null,
    body          varchar(10000) not null,
    created_at    timestamp(6) with time zone not null
);
create index personal_note_customer_idx on personal_note (customer_id, created_at);
create index personal_note_author_idx on personal_note (author, created_at);
