-- psql -h 127.0.0.1 -U postgres -d support_plans_bench -f tools/case-footprint.sql   (after ./mvnw -Pbench verify)
-- What one case asks of the engine, from its history: the cases the bench drove to an IEP in effect (every
-- process instance with the case id as business key: support-case, its phases, the clocks' watches) against
-- the bare process's instances.
with cases as (
  select p.business_key_ as case_key, 'product' as kind from act_hi_procinst p
  where p.proc_def_key_ = 'support-case'
    and exists (select 1 from act_hi_actinst a where a.proc_inst_id_ = p.id_ and a.act_id_ = 'CallActivity_PlanInEffect')
  union all
  select p.business_key_, 'bare' from act_hi_procinst p where p.proc_def_key_ = 'bench-bare-ten-tasks' and p.end_time_ is not null
), instances as (
  select c.kind, c.case_key, p.id_ from cases c join act_hi_procinst p on p.business_key_ = c.case_key
), counted as (
  select kind, case_key, count(*) as process_instances,
    sum((select count(*) from act_hi_actinst a where a.proc_inst_id_ = i.id_)) as activity_instances,
    sum((select count(*) from act_hi_varinst v where v.proc_inst_id_ = i.id_)) as variables,
    sum((select count(*) from act_hi_detail d where d.proc_inst_id_ = i.id_)) as variable_writes,
    sum((select count(*) from act_hi_job_log j where j.process_instance_id_ = i.id_)) as job_log
  from instances i group by kind, case_key
)
select kind, count(*) as cases, round(avg(process_instances), 1) as process_instances,
  round(avg(activity_instances), 1) as activity_instances, round(avg(variables), 1) as variables,
  round(avg(variable_writes), 1) as variable_writes, round(avg(job_log), 1) as job_log_entries
from counted group by kind order by kind;
