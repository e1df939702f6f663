-- The services-owed report reads a school's sessions delivered (the days of a week its period cuts) and its sessions
-- missed (one by one, their day deciding whether they excuse) apart, and the Medicaid export its sessions delivered:
-- with the status before the day in the index (V16_4 had it after), each reads its own sessions alone. The missed
-- sessions of a year of a school of 6,650 services (41,000 of 700,000) were 120 ms to find, now 26 to 48 ms.
drop index ix_service_session_school_date;
create index ix_service_session_school_status
    on service_session (school_id, status, session_date, plan_id, service_number, missed_reason, make_up, minutes);
