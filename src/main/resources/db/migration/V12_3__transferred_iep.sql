-- An IEP received on a transfer in (34 CFR 300.323(e), (f)) says where it comes from (another district of the state,
-- or another state) and carries the date of the student's last evaluation, from which the reevaluation is counted
-- once the new district adopts it.
alter table support_plan add column transferred_from varchar(16);
alter table support_plan add column last_evaluated_on date;
