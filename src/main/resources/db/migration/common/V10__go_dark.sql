-- Go-dark figures ask "which cases are silent right now": running response clocks whose breach is
-- recorded. sla_clock_breached_idx holds every breach ever (it serves the weekly counts by range) and
-- grows forever, watch_at is null once a breach is handled, and (case_id, state) needs a case; with
-- this index the question reads only the running breached clocks, however long the history grows.
create index sla_clock_silent_idx on sla_clock (state, breached_at);
