-- Issue 11 moved the two classes whose listeners run after commit through the event publication registry.
-- A publication still incomplete at the upgrade names its listener by the old class; without this it would
-- never be delivered again (resubmission looks listeners up by id). Completed rows keep their history as is.
update event_publication
   set listener_id = replace(listener_id, 'io.directline.channel.OutboxQueue.', 'io.directline.channel.outbox.OutboxQueue.')
 where completion_date is null and listener_id like 'io.directline.channel.OutboxQueue.%';
update event_publication
   set listener_id = replace(listener_id, 'io.directline.escalation.ExecutiveEscalations.',
                             'io.directline.escalation.office.LateFirstResponseListener.')
 where completion_date is null and listener_id like 'io.directline.escalation.ExecutiveEscalations.%';
