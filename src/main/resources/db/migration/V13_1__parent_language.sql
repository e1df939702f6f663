-- Issue 16: the parents' native language (BCP 47) on the case; documents are written in it where a bundle exists
alter table support_case add column parent_language varchar(35) default 'en' not null;
