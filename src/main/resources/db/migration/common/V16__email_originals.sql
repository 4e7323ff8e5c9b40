-- The whole raw e-mail (RFC 822), kept for staff when its text was longer than a case message holds and
-- only its first part was taken into the case. Looked up by the case message it became.
create table email_original (
    message_id  bigint primary key references case_message (id) on delete cascade,
    size_bytes  bigint not null,
    content     bytea not null,
    created_at  timestamp(6) with time zone not null
);
