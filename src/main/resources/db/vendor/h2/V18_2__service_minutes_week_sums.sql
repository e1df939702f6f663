-- The weekly sums of the sessions delivered before V18_1 (written since with each session, progress/Sessions).
-- The Monday of a session's week: its day less its ISO day of the week (Monday 1) plus one.
insert into service_minutes_week (school_id, week_of, plan_id, service_number, delivered, made_up, first_day, last_day)
select school_id, dateadd(day, 1 - iso_day_of_week(session_date), session_date), plan_id, service_number,
       sum(minutes), sum(case when make_up then minutes else 0 end), min(session_date), max(session_date)
from service_session
where status = 'DELIVERED'
group by school_id, dateadd(day, 1 - iso_day_of_week(session_date), session_date), plan_id, service_number;
