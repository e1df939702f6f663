-- The audit log is append-only, for the application too: rows can be added, never changed or removed.
-- (H2 triggers are Java classes; TRUNCATE of audit_event is refused by the foreign key of audit_event_case.)
create trigger audit_event_append_only before update, delete on audit_event
    for each row call 'org.supportplans.audit.AppendOnlyH2Trigger';
create trigger audit_event_case_append_only before update, delete on audit_event_case
    for each row call 'org.supportplans.audit.AppendOnlyH2Trigger';
