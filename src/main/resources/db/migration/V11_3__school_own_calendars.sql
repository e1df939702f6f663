-- Issue 14: a school that keeps its own calendar (a year-round school) has it here, per school year; its clocks count
-- on it, and on the district's calendar for the years it has none of its own.
create table school_own_calendar (
    school_id   varchar(64) not null references school (id),
    school_year varchar(9)  not null,
    first_day   date        not null,
    last_day    date        not null,
    updated_at  timestamp with time zone not null,
    version     bigint      not null,
    primary key (school_id, school_year)
);

create table school_own_no_school_day (
    school_id   varchar(64)  not null,
    school_year varchar(9)   not null,
    from_day    date         not null,
    to_day      date         not null,
    name        varchar(200) not null,
    foreign key (school_id, school_year) references school_own_calendar (school_id, school_year)
);
create index ix_school_own_no_school_day on school_own_no_school_day (school_id, school_year);
