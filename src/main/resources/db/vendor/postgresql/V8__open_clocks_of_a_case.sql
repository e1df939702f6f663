-- The deadlines list of a school (issue 7's bench, 100,000 cases): for each of the school's ~700 cases
-- PostgreSQL fetched every clock of the case from the table to keep the open ones due soon (four of five
-- thrown away). With the status and the due date that counts in the index, only the clocks listed are read.
create index ix_clock_case_status_due on clock (case_id, status, (coalesce(extended_to, due_date)));
