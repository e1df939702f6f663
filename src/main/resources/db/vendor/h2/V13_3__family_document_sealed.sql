-- Issue 16: on PostgreSQL a trigger refuses any change to a sealed document but FINAL to SUPERSEDED (db/vendor/
-- postgresql). H2, the embedded default for a first run, keeps the version number without the trigger: the
-- entity's columns are not updatable (FamilyDocument), so the application itself never changes them.
select 1;
