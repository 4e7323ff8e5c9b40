-- The find box (issue 12): a case's order number or its start (LIKE 'ORD-12%') from an index (owners and
-- their handles are found by customer_name_key_idx and the customer_handle indexes of V19). varchar_pattern_ops lets PostgreSQL serve a LIKE prefix from the
-- index whatever the database's collation; it serves equality too.
create index support_case_order_idx on support_case (order_id varchar_pattern_ops, id);
