-- The PostgreSQL migration of this version indexes the due date that counts, an expression, which H2 cannot
-- index: here the school, the status and the counted due date.
create index ix_clock_school_status_due on clock (school_id, status, due_date);
