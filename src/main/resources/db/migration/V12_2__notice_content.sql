-- A notice to the parents carries its content: for prior written notice what 34 CFR 300.503(b) lists, in the
-- parents' language (300.503(c)); the plan version it is about, if any.
alter table parent_notice add column plan_id bigint references support_plan (id);
alter table parent_notice add column language varchar(35) not null default 'en';
alter table parent_notice add column action varchar(16);
alter table parent_notice add column subject varchar(500);
alter table parent_notice add column reasons varchar(8000);
alter table parent_notice add column evidence varchar(8000);
alter table parent_notice add column options_considered varchar(8000);
alter table parent_notice add column other_factors varchar(8000);
alter table parent_notice add column safeguards varchar(2000);
alter table parent_notice add column sent_by varchar(64);
