-- A district's own count for a clock that is district policy, not law (a Section 504 plan's or an ALP's review
-- every so many years; the Section 504 evaluation's days): the rules table's row gives the unit and the default.
create table district_clock_policy (
    district_id varchar(64) not null references district (id),
    clock varchar(64) not null,
    count_value integer not null,
    set_by varchar(64) not null,
    set_at timestamp with time zone not null,
    primary key (district_id, clock)
);
