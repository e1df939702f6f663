-- The audit log is append-only, for the application too: rows can be added, never changed or removed.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'The audit log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_log_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_log_refuse_change();
create trigger audit_event_case_append_only before update or delete on audit_event_case
    for each row execute function audit_log_refuse_change();
create trigger audit_event_case_no_truncate before truncate on audit_event_case
    for each statement execute function audit_log_refuse_change();
