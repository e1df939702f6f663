-- Districts, their schools, and which staff member works at which school.
-- Staff accounts themselves (user id, name, password, roles) live in Camunda's identity service.

create table district (
    id        varchar(64)  not null primary key,
    name      varchar(200) not null,
    state     varchar(2)   not null,
    time_zone varchar(64)  not null
);

create table school (
    id          varchar(64)  not null primary key,
    district_id varchar(64)  not null references district (id),
    name        varchar(200) not null
);
create index ix_school_district on school (district_id);

create table school_staff (
    school_id varchar(64) not null references school (id),
    user_id   varchar(64) not null,
    primary key (school_id, user_id)
);
create index ix_school_staff_user on school_staff (user_id);
