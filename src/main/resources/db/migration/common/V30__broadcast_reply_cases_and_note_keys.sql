-- The case an owner's reply to a broadcast threads into: one per owner and broadcast, opened by their first reply
-- (by e-mail, SMS or on the portal) and reused by the next while it is not closed. The case page names the broadcast
-- by the case's row here.
create table broadcast_reply_case (
    broadcast_id bigint not null references broadcast (id),
    customer_id  bigint not null,
    case_id      bigint not null,
    order_ref    varchar(64),
    opened_at    timestamp(6) with time zone not null,
    primary key (broadcast_id, customer_id)
);
create unique index broadcast_reply_case_case_uk on broadcast_reply_case (case_id);

-- A personal note sent again with the same Idempotency-Key (a double-submitted POST /api/v1/notes) is the note made
-- the first time: its rows (one per owner) carry the key, unique per author and owner.
alter table personal_note add column idempotency_key varchar(200);
create unique index personal_note_idempotency_uk on personal_note (author, idempotency_key, customer_id);
