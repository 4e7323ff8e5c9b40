-- Service-visit figures (issue 15, item 5) read every center's visits and booked seats over a window of days:
-- ranges on the day first, so the figures never scan the whole history.
create index appointment_day_idx on appointment (on_day, center_id);
create index service_slot_day_idx on service_slot (on_day, center_id);
