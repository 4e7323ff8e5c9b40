-- The escalation ladder moved to the escalation module: a case's rung and holder are those of its latest
-- step in case_escalation (read by case_escalation_case_idx), so the SLA module no longer keeps them.
alter table case_sla drop column level;
alter table case_sla drop column holder;
