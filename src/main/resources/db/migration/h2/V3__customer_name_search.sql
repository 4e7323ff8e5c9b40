-- The owner list is ordered by name_key and searched by prefix (LIKE 'ada%'): one index serves both.
create index customer_name_key_idx on customer (name_key, id);
