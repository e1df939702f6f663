-- The minutes delivered of each service of an IEP, added up per week (Monday to Sunday), written with each session
-- delivered (issue 19). The services-owed report of a school over a period reads these sums for the period's whole
-- weeks instead of every session: a year of a school of 6,650 services is about 345,000 service-weeks instead of
-- 700,000 sessions (README "Performance", services owed). A week keeps the school of its sessions' case when they
-- were logged, as each session does, and the first and last day delivered, so that the report can tell a week whose
-- sessions fall outside a service's dates (a version of the IEP ended after they were logged).
-- Its primary key carries the sums (INCLUDE), so that a school's weeks of a period are read from the index alone.
create table service_minutes_week (
    school_id      varchar(64) not null references school (id),
    week_of        date        not null,
    plan_id        bigint      not null references support_plan (id),
    service_number integer     not null,
    delivered      integer     not null,
    made_up        integer     not null,
    first_day      date        not null,
    last_day       date        not null,
    constraint pk_service_minutes_week primary key (school_id, week_of, plan_id, service_number)
        include (delivered, made_up, first_day, last_day),
    constraint ck_service_minutes_week check (made_up between 0 and delivered and first_day <= last_day)
);
-- the weeks of given services (a page of the report), from the index alone; a case's weeks when its records are
-- destroyed
create index ix_service_minutes_week_service on service_minutes_week (plan_id, service_number, week_of)
    include (school_id, delivered, made_up, first_day, last_day);
