-- The roster's enrollments (OneRoster 1.2 enrollments.csv): who teaches and who attends each class. A delta file
-- adds or removes single enrollments, so the teachers of record are worked out from these, not from one file.
create table roster_enrollment (
    district_id      varchar(64)  not null references district (id),
    class_sourced_id varchar(255) not null,
    user_sourced_id  varchar(255) not null,
    role             varchar(32)  not null,
    is_primary       boolean      not null,
    primary key (district_id, class_sourced_id, user_sourced_id)
);
create index ix_roster_enrollment_user on roster_enrollment (district_id, user_sourced_id);
