-- Issue 14: the school days a student was absent during a clock's period (Texas extends the evaluation by them when
-- there are three or more, Tex. Educ. Code 29.004(a)).
create table clock_absence (
    clock_id  bigint not null references clock (id),
    absent_on date   not null,
    primary key (clock_id, absent_on)
);
