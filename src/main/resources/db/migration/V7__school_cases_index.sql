-- A school's cases with the ids the deadlines list and the reports join on (issue 7's bench): at 100,000 cases
-- PostgreSQL read a school's 670 cases by a parallel scan of the whole table rather than by
-- ix_support_case_school_phase (one heap page per case: the cases of a school are spread over the table as
-- they arrive); with the ids in the index the cases are read from the index alone.
create index ix_support_case_school_cases on support_case (school_id, id, student_id);
