-- The eligibility group (34 CFR 300.306(a)(1): qualified professionals and the parent): who took part, whether
-- the parents did, whether everyone agreed and the separate statements of those who did not (300.311(b)).
alter table eligibility_decision add column team_members varchar(4000);
alter table eligibility_decision add column parents_took_part boolean;
alter table eligibility_decision add column team_agreement varchar(20);
alter table eligibility_decision add column dissent varchar(8000);
-- The written report of a specific learning disability determination (34 CFR 300.311(a)); null for other decisions.
alter table eligibility_decision add column sld_observation varchar(8000);
alter table eligibility_decision add column sld_medical_findings varchar(8000);
alter table eligibility_decision add column sld_achievement_areas varchar(400);
alter table eligibility_decision add column sld_progress_basis varchar(40);
alter table eligibility_decision add column sld_exclusionary_factors varchar(8000);
alter table eligibility_decision add column sld_intervention_data varchar(8000);
alter table eligibility_decision add column sld_parents_notified boolean;
alter table eligibility_decision add column sld_certified boolean;
