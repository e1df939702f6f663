-- Who families contact about their documents (34 CFR 300.503(b)(5): sources for parents to contact for help),
-- set by the district; null until the district sets it (documents then name the school's coordinator).
alter table district add column contact_office varchar(200);
alter table district add column contact_phone varchar(40);
alter table district add column contact_email varchar(200);
alter table district add column safeguards_url varchar(500);
alter table district add column parent_center_name varchar(200);
alter table district add column parent_center_phone varchar(40);
alter table district add column parent_center_url varchar(500);
