-- X owners are found by their stable user id (a screen name can be renamed and taken by someone else);
-- the screen name stays in customer_social_handle as what is shown.
create table customer_social_account (
    customer_id bigint not null references customer (id) on delete cascade,
    network     varchar(30) not null,
    account_id  varchar(100) not null,
    primary key (customer_id, network)
);
create unique index customer_social_account_uk on customer_social_account (network, account_id);

-- The user id of every X owner who wrote a direct message is known from that conversation's key
-- (dm:<user id>). Owners with one such id get it; the others (mentions only, or handles entered by staff)
-- are bound to the id of the first account that writes under their handle.
insert into customer_social_account (customer_id, network, account_id)
select s.customer_id, 'x', min(substring(k.thread_key, 4))
from channel_thread_key k
join support_case s on s.id = k.case_id
join customer_social_handle h on h.customer_id = s.customer_id and h.network = 'x'
where k.channel = 'X' and k.thread_key like 'dm:%'
group by s.customer_id
having count(distinct k.thread_key) = 1;

-- Whether the owner posted a message in public: its answer is public only then. Of the messages received
-- before, only the one that opened a public case is known to be public; later ones count as private.
alter table case_message add column public_post boolean default false not null;
update case_message set public_post = true
where id in (
    select min(m.id)
    from case_message m
    join support_case s on s.id = m.case_id
    where s.public_thread = true and m.direction = 'INBOUND' and m.channel = s.channel
    group by m.case_id);
