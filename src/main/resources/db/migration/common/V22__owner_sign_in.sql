-- Owners sign in with a one-time code (and, by e-mail, a link) sent to a handle they proved; codes and
-- link tokens are kept only as SHA-256 digests. A code is looked up by the handle it was sent to, a link
-- by the digest of its token; both are single-use and expire.
create sequence owner_sign_in_code_seq start with 1 increment by 50;
create table owner_sign_in_code (
    id           bigint primary key,
    customer_id  bigint not null references customer (id) on delete cascade,
    purpose      varchar(20) not null,
    channel      varchar(20) not null,
    handle_key   varchar(320) not null,
    code_hash    varchar(64) not null,
    link_hash    varchar(64),
    case_id      bigint,
    failures     int not null default 0,
    expires_at   timestamp(6) with time zone not null,
    used_at      timestamp(6) with time zone,
    created_at   timestamp(6) with time zone not null,
    version      bigint not null default 0
);
create index owner_sign_in_code_handle_idx on owner_sign_in_code (handle_key, created_at);
create unique index owner_sign_in_code_link_uk on owner_sign_in_code (link_hash);

-- The owner's language for what we write to them (a BCP 47 tag such as en or de-CH).
alter table customer add column language varchar(35);

-- A sign-in code is outgoing work too, but it belongs to no case.
alter table outbound_message alter column case_id drop not null;
alter table outbound_message alter column message_id drop not null;

-- A long answer on a channel that cannot carry it ends with a link that signs the owner in and opens the case;
-- made when the answer is queued, so every attempt to send it carries the same link.
alter table outbound_message add column portal_link varchar(400);
