-- Issue 14: the executive dashboard counts each figure over an indexed period. (Where owners stand now is one scan of
-- owner_standing, grouped: an index on the balance would cost every ledger write to save little of that scan.)

-- cases opened per week and channel
create index support_case_created_idx on support_case (created_at, channel);
-- SLA compliance: the clocks stopped per week, met or missed
create index sla_clock_stopped_idx on sla_clock (stopped_at, breached_at);
-- CSAT and NPS per week, the score read from the index
create index survey_answered_score_idx on survey (answered_at, kind, score, customer_id);
