-- Notices to owners travel through the outbox beside the agents' answers: a delay notice, one owner's share of a
-- broadcast, an executive's personal note. An answer (and a sign-in code) has priority 0, a notice 10: the
-- dispatcher always claims the lowest priority first, so an answer is never stuck behind a broadcast.
alter table outbound_message add column kind varchar(8) default 'ANSWER' not null;
alter table outbound_message add column priority smallint default 0 not null;
-- What sent a notice (broadcast:42, note:7, delay:ORD-1:DELIVERED): progress and cancel are asked by it.
alter table outbound_message add column source varchar(200);
-- The text for channels that carry little (SMS, social DM), ended by the portal link when sent.
alter table outbound_message add column short_text varchar(600);
-- Set while the row waits for the end of the owner's quiet hours (the row's first attempt is then due).
alter table outbound_message add column quiet_until timestamp(6) with time zone;
-- A caller's idempotency key (unique per owner and sending) makes a resumed or repeated sending queue nothing twice.
alter table outbound_message alter column idempotency_key set data type varchar(200);
create unique index outbound_message_idempotency_uk on outbound_message (idempotency_key);
-- The claim: "the due rows of this channel, lowest priority first, then oldest", one batch per statement.
create index outbound_message_claim_idx on outbound_message (status, channel, priority, next_attempt_at);
-- Progress of one source: counted from the index alone (status and the quiet-hours wait are in it).
create index outbound_message_source_idx on outbound_message (source, status, quiet_until);
-- The notices of one owner, newest first (portal timeline, owner page).
create index outbound_message_owner_kind_idx on outbound_message (customer_id, kind, created_at);
-- A reply to a notice by e-mail names its Message-ID, which the provider's answer stored here.
create index outbound_message_provider_idx on outbound_message (provider_id);
