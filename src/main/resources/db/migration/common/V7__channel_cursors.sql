-- Where a polled channel left off (the since_id of Mastodon's notifications), so a restart neither
-- fetches everything again nor misses what arrived while the node was down.
create table channel_cursor (
    name         varchar(100) primary key,
    cursor_value varchar(400) not null,
    updated_at   timestamp(6) with time zone not null
);
