-- Records retention (34 CFR 300.624): a sealed document for a family is deleted with the rest of its case's
-- records once the district administrator has confirmed their destruction, and then only: the destruction's
-- transaction says so with set_config('support_plans.records_destruction', 'on', true) (local to that
-- transaction); any other update or delete is refused as before.
create or replace function family_document_sealed() returns trigger language plpgsql as $$
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
    if tg_op = 'DELETE' and current_setting('support_plans.records_destruction', true) = 'on' then
        return old;
    end if;
    raise exception 'A document for a family is sealed: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;
