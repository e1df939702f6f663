-- The school of a clock's case, on the clock (issue 7's bench): a school's deadlines are then read from the
-- clock's own index on the school, rather than by probing the clocks of each of the school's ~700 cases.
alter table clock add column school_id varchar(64);
update clock set school_id = (select sc.school_id from support_case sc where sc.id = clock.case_id);
alter table clock alter column school_id set not null;

-- Always the case's school: the clock's (case, school) is a (case, school) of support_case. A case keeps its
-- school (a student who leaves closes the case); should that change, the clocks follow (on update cascade).
alter table support_case add constraint uq_support_case_id_school unique (id, school_id);
alter table clock add constraint fk_clock_case_school foreign key (case_id, school_id)
    references support_case (id, school_id) on update cascade;
