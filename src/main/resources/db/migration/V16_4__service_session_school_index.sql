-- The services-owed report reads a school's sessions over a period (issue 19's bench). At 100,000 cases and a year of
-- sessions (10.5 million rows) PostgreSQL joined the school's cases to the sessions by a parallel scan of the whole
-- table (4.5 s for a quarter); with the columns the report reads in the index, a school's sessions of a quarter are read
-- from the index alone (172 ms). A plain index (no INCLUDE), as H2 takes it too.
create index ix_service_session_school_date
    on service_session (school_id, session_date, plan_id, service_number, status, missed_reason, make_up, minutes);
