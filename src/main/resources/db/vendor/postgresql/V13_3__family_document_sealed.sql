-- Issue 16: a document for a family is sealed, for the application too: its bytes, hash and what it is never
-- change and it is never removed; the one change allowed is FINAL to SUPERSEDED, when a newer version replaces it.
create function family_document_sealed() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and new.status = 'SUPERSEDED' and old.status = 'FINAL'
            and (new.id, new.case_id, new.kind, new.subject, new.source, new.version, new.language,
                 new.family_language, new.step, new.sha256, new.size_bytes, new.created_at, new.created_by)
                is not distinct from
                (old.id, old.case_id, old.kind, old.subject, old.source, old.version, old.language,
                 old.family_language, old.step, old.sha256, old.size_bytes, old.created_at, old.created_by)
            and new.content = old.content then
        return new;
    end if;
    raise exception 'A document for a family is sealed: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger family_document_sealed before update or delete on family_document
    for each row execute function family_document_sealed();
create trigger family_document_no_truncate before truncate on family_document
    for each statement execute function family_document_sealed();
