-- Issue 14: a clock keeps the events its rule ends at and the state's end-of-year rule, the referral date that
-- rule may depend on (California), and the clock it is linked to (a state's timeline beside the initial
-- evaluation's); its texts grow with the end-of-year rules and the district-policy labels.
alter table clock add column ends_at varchar(300);
alter table clock add column end_of_year varchar(40);
alter table clock add column referred_on date;
alter table clock add column linked_clock_id bigint references clock (id);
alter table clock alter column rule_text set data type varchar(600);
alter table clock alter column legal_basis set data type varchar(400);
