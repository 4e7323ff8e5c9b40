-- The find box (issue 12): a case's order number or its start (LIKE 'ORD-12%') from an index (owners and
-- their handles are found by customer_name_key_idx and the customer_handle indexes of V19).
-- H2 serves a LIKE prefix from a plain index.
create index support_case_order_idx on support_case (order_id, id);
