-- The owner list is ordered by name_key and searched by prefix (LIKE 'ada%'). With the "C" collation
-- one plain b-tree index serves both, whatever the database's default collation.
alter table customer alter column name_key type varchar(200) collate "C";
create index customer_name_key_idx on customer (name_key, id);
