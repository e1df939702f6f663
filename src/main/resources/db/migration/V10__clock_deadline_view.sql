-- The deadlines module's clocks as other modules read them (the reports): each clock with the due date that
-- counts, an agreed extension else the counted date, so that no report repeats how that date is made. A plain
-- view: PostgreSQL inlines it, and the index on (school_id, status, coalesce(extended_to, due_date)) still serves.
create view clock_deadline as
select c.id,
       c.case_id,
       c.school_id,
       c.kind,
       c.status,
       c.start_date,
       coalesce(c.extended_to, c.due_date) as due_on,
       c.stopped_on,
       c.reason_code,
       c.reason_text
from clock c;
