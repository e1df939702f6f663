-- A school's clocks by status and the due date that counts (issue 7's bench, 100,000 cases): the deadlines list
-- of a school reads an index range of its clocks (the open ones due within 14 days: about 50 of 388,000 clocks)
-- and sorts only those. The dates the due date is made of are included, so that the page's count is read from
-- the index alone (PostgreSQL does not rebuild an index-only scan's filter from an expression of the index).
create index ix_clock_school_status_due on clock (school_id, status, (coalesce(extended_to, due_date)))
    include (extended_to, due_date);
