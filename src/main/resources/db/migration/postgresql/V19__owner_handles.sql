-- Issue 12: an owner has many handles (e-mail addresses, phone numbers, X and Mastodon accounts), each verified or
-- not, found by a normalized lookup key unique per kind. The e-mail, phone and social handle on customer stay as the
-- owner's preferred ones and always have their row here; every lookup by handle goes through this table, which is now
-- what keeps a handle to one owner (the unique indexes on the old columns go: a merged owner keeps its columns).
create sequence customer_handle_seq start with 1 increment by 50;

create table customer_handle (
    id          bigint primary key,
    customer_id bigint not null references customer (id),
    kind        varchar(20) not null,
    shown_value varchar(320) not null,
    lookup_key  varchar(320) not null,
    verified    boolean not null,
    verified_at timestamp(6) with time zone,
    created_at  timestamp(6) with time zone not null
);
create unique index customer_handle_key_uk on customer_handle (kind, lookup_key);
create index customer_handle_customer_idx on customer_handle (customer_id);

-- a merged owner stays (links to it still resolve) and says into whom it was merged
alter table customer add column merged_into bigint references customer (id);

drop index customer_email_uk;
drop index customer_phone_uk;
drop index customer_social_handle_uk;
create index customer_social_handle_idx on customer_social_handle (network, handle);
-- prefix search as you type (lookup_key like 'ada%'): varchar_pattern_ops serves LIKE whatever the collation
create index customer_handle_prefix_idx on customer_handle (lookup_key varchar_pattern_ops);

insert into customer_handle (id, customer_id, kind, shown_value, lookup_key, verified, verified_at, created_at)
select nextval('customer_handle_seq'), c.id, 'EMAIL', trim(c.email), lower(trim(c.email)), c.verified,
       case when c.verified then c.created_at end, c.created_at
from customer c
where c.email is not null and trim(c.email) <> '';

insert into customer_handle (id, customer_id, kind, shown_value, lookup_key, verified, verified_at, created_at)
select nextval('customer_handle_seq'), p.id, 'PHONE', p.phone, p.phone_key, p.verified,
       case when p.verified then p.created_at end, p.created_at
from (select c.id, c.phone, c.verified, c.created_at,
             case when c.phone like '+%' then '+' || regexp_replace(c.phone, '[^0-9]', '', 'g')
                  when c.phone like '00%' then '+' || substring(regexp_replace(c.phone, '[^0-9]', '', 'g') from 3)
                  else regexp_replace(c.phone, '[^0-9]', '', 'g') end as phone_key
      from customer c
      where c.phone is not null and c.phone ~ '[0-9]') p
where p.id = (select min(o.id) from customer o
              where o.phone is not null
                and regexp_replace(o.phone, '[^0-9]', '', 'g') = regexp_replace(p.phone, '[^0-9]', '', 'g'));

insert into customer_handle (id, customer_id, kind, shown_value, lookup_key, verified, verified_at, created_at)
select nextval('customer_handle_seq'), s.customer_id, upper(s.network), s.handle, s.handle_key, c.verified,
       case when c.verified then c.created_at end, c.created_at
from (select h.customer_id, h.network, h.handle,
             lower(case when h.handle like '@%' then substring(h.handle from 2) else h.handle end) as handle_key
      from customer_social_handle h
      where h.network in ('x', 'mastodon') and trim(h.handle) not in ('', '@')) s
join customer c on c.id = s.customer_id
where s.customer_id = (select min(o.customer_id) from customer_social_handle o
                       where o.network = s.network
                         and lower(case when o.handle like '@%' then substring(o.handle from 2) else o.handle end)
                             = s.handle_key);
