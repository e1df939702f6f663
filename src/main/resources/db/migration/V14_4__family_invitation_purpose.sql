-- Issue 17: an invitation asks the parents to answer a consent request (ANSWER), or lets parents whose consent for
-- services was recorded by staff (on paper, by phone) revoke it online (REVOCATION, 34 CFR 300.300(b)(4)).
alter table family_invitation add column purpose varchar(16) default 'ANSWER' not null;
