-- The inbox's "time to breach" order is sla_due_at ascending with cases without a clock last. H2 keeps
-- nulls first in an index, so it serves "nulls last" only from an index declared that way (PostgreSQL's
-- default b-tree order already is: its index from V9 serves the order as it is).
drop index support_case_sla_due_idx;
create index support_case_sla_due_idx on support_case (sla_due_at nulls last, id);
