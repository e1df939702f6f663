-- Records retention: on PostgreSQL the sealed documents' trigger lets the confirmed destruction delete them
-- (db/vendor/postgresql). H2 has no such trigger.
select 1;
