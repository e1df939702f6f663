-- The PostgreSQL migration of this version indexes the due date that counts, an expression, which H2 cannot
-- index: here the case and the status.
create index ix_clock_case_status_due on clock (case_id, status);
