-- Staff working time: when a staff member is at work, so an owner asking for them can be told when.
-- Null means the default of directline.identity.default-work-hours / default-work-time-zone.
alter table app_user add column work_hours varchar(200);
alter table app_user add column work_time_zone varchar(60);

-- The owner's choice of who answers their case: at most one standing request per case, which the
-- owner's next choice replaces. username is the staff member asked for and outcome why they can or cannot
-- answer (both null when the owner chose the team); assigned says whether this request gave them the case,
-- so choosing the team again gives it back.
create table requested_responder (
    case_id      bigint primary key references support_case (id) on delete cascade,
    kind         varchar(20) not null,
    username     varchar(100),
    requested_at timestamp(6) with time zone not null,
    outcome      varchar(20),
    honoured     boolean not null,
    owner_waits  boolean not null,
    assigned     boolean not null,
    message      varchar(1000) not null,
    version      bigint not null default 0
);
