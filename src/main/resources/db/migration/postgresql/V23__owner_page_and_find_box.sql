-- The find box (issue 12): a social handle on any network, and a case's order number or its start
-- (LIKE 'ORD-12%'), each from an index. varchar_pattern_ops lets PostgreSQL serve a LIKE prefix from the
-- index whatever the database's collation; it serves equality too.
create index customer_social_handle_handle_idx on customer_social_handle (handle);
create index support_case_order_idx on support_case (order_id varchar_pattern_ops, id);
