-- A plan is a series of versions: each finalisation (the plan meeting, an annual review, an amendment) writes a
-- new row; a version in effect is never changed, only superseded or ended (34 CFR 300.324(a)(4), (b)).
alter table support_plan add column plan_version integer not null default 1;
alter table support_plan add column origin varchar(16) not null default 'INITIAL';
alter table support_plan add column previous_id bigint references support_plan (id);
alter table support_plan add column effective_from date;
alter table support_plan add column effective_to date;
alter table support_plan add column review_due date;
alter table support_plan add column finalised_by varchar(64);
alter table support_plan add column finalised_at timestamp with time zone;
alter table support_plan add column change_summary varchar(8000);
-- the content of an IEP that 34 CFR 300.320(a) and 300.324(a)(2) require beside goals and services
alter table support_plan add column progress_reporting varchar(8000);
alter table support_plan add column nondisabled_peers varchar(8000);
alter table support_plan add column assessment_participation varchar(40);
alter table support_plan add column alternate_assessment_why varchar(8000);
alter table support_plan add column short_term_objectives varchar(8000);
alter table support_plan add column special_factors varchar(8000);
alter table support_plan add column extended_school_year varchar(8000);
alter table support_plan add column transfer_of_rights varchar(8000);

update support_plan
   set effective_from = case when in_effect_on is not null and in_effect_on > starts_on then in_effect_on else starts_on end,
       effective_to   = coalesce(ended_on, ends_on),
       finalised_by   = written_by
 where status in ('IN_EFFECT', 'ENDED');

create index ix_support_plan_version on support_plan (case_id, kind, plan_version);
