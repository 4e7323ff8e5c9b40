-- Identifiers come from sequences (allocation size 50) so Hibernate can batch inserts.
create sequence customer_seq start with 1 increment by 50;
create sequence app_user_seq start with 1 increment by 50;
create sequence api_token_seq start with 1 increment by 50;
create sequence support_case_seq start with 1 increment by 50;
create sequence case_message_seq start with 1 increment by 50;
create sequence case_audit_seq start with 1 increment by 50;

create table customer (
    id                  bigint primary key,
    name                varchar(200) not null,
    name_key            varchar(200) not null,
    email               varchar(320),
    phone               varchar(40),
    preferred_channel   varchar(20) not null,
    quiet_hours_start   time,
    quiet_hours_end     time,
    time_zone           varchar(64) not null,
    street              varchar(200),
    city                varchar(120),
    postal_code         varchar(20),
    region              varchar(120),
    country             varchar(2),
    latitude            double precision,
    longitude           double precision,
    lifetime_value      numeric(14, 2) not null default 0,
    verified            boolean not null default true,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    version             bigint not null default 0
);
create unique index customer_email_uk on customer (email);
create unique index customer_phone_uk on customer (phone);
-- name_key (the lower-case name) serves the owner list's order and prefix search; index per vendor (V3)

create table customer_social_handle (
    customer_id bigint not null references customer (id) on delete cascade,
    network     varchar(30) not null,
    handle      varchar(200) not null,
    primary key (customer_id, network)
);
create unique index customer_social_handle_uk on customer_social_handle (network, handle);

create table app_user (
    id            bigint primary key,
    username      varchar(100) not null,
    password_hash varchar(200) not null,
    display_name  varchar(200) not null,
    email         varchar(320),
    team          varchar(60),
    customer_id   bigint references customer (id),
    enabled       boolean not null default true,
    created_at    timestamp(6) with time zone not null,
    version       bigint not null default 0
);
create unique index app_user_username_uk on app_user (username);
create index app_user_customer_idx on app_user (customer_id);

create table app_user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role    varchar(20) not null,
    primary key (user_id, role)
);
-- the staff list (assignee pickers) reads users by role, never by scanning every owner login
create index app_user_role_role_idx on app_user_role (role, user_id);

create table api_token (
    id           bigint primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64) not null,
    created_at   timestamp(6) with time zone not null,
    last_used_at timestamp(6) with time zone,
    expires_at   timestamp(6) with time zone
);
create unique index api_token_hash_uk on api_token (token_hash);
create index api_token_user_idx on api_token (user_id);

create table support_case (
    id          bigint primary key,
    customer_id bigint not null references customer (id),
    subject     varchar(300) not null,
    status      varchar(30) not null,
    priority    varchar(10) not null,
    channel     varchar(20) not null,
    assignee    varchar(100),
    team        varchar(60),
    order_id    varchar(60),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint not null default 0
);
-- the inbox and the list endpoint filter by one of these and order by updated_at, id
create index support_case_updated_idx on support_case (updated_at, id);
create index support_case_status_updated_idx on support_case (status, updated_at, id);
create index support_case_assignee_updated_idx on support_case (assignee, updated_at, id);
create index support_case_team_updated_idx on support_case (team, updated_at, id);
create index support_case_customer_updated_idx on support_case (customer_id, updated_at, id);

create table support_case_tag (
    case_id bigint not null references support_case (id) on delete cascade,
    tag     varchar(60) not null,
    primary key (case_id, tag)
);

create table case_message (
    id           bigint primary key,
    case_id      bigint not null references support_case (id) on delete cascade,
    direction    varchar(10) not null,
    channel      varchar(20) not null,
    author       varchar(200) not null,
    author_user  varchar(100),
    body         varchar(262144) not null,
    external_id  varchar(300),
    created_at   timestamp(6) with time zone not null
);
create index case_message_case_idx on case_message (case_id, created_at, id);
create unique index case_message_external_uk on case_message (channel, external_id);

create table case_audit (
    id         bigint primary key,
    case_id    bigint not null references support_case (id) on delete cascade,
    at         timestamp(6) with time zone not null,
    actor      varchar(100) not null,
    channel    varchar(20) not null,
    action     varchar(40) not null,
    detail     varchar(1000)
);
create index case_audit_case_idx on case_audit (case_id, at, id);
