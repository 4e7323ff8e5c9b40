-- Issue 14: what each order was bought for (the owner's lifetime value counts it); null when the system of record
-- gave no price.
alter table journey_order add column price_amount numeric(14, 2);
alter table journey_order add column price_currency varchar(3);

-- Issue 14: what is at stake on each case, written by the experience module when its owner's standing changes
-- (see cases.CaseStakes). stake_minutes moves the case ahead of its SLA deadline by that many minutes;
-- priority_at = (sla_due_at, or 9999-01-01 when no clock runs) − stake_minutes is the inbox's "most at stake first"
-- order, ascending, so the order is the same at every instant and an index serves it.
alter table support_case add column stake_minutes integer default 0 not null;
alter table support_case add column stake_reason varchar(300);
alter table support_case add column priority_at timestamp(6) with time zone
    default timestamp with time zone '9999-01-01 00:00:00+00' not null;
update support_case set priority_at = sla_due_at where sla_due_at is not null;
create index support_case_priority_idx on support_case (priority_at, id);
