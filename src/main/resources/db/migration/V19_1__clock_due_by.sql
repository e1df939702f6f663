-- A clock the case limits beyond its rule: the annual review of an IEP that ends before the anniversary of its
-- meeting is due by the day the next IEP must start (34 CFR 300.323(a)), when that comes first. The limit is kept on
-- the clock so that a recount (a pause, a calendar change) keeps it; the rule's text names it and its reason.
alter table clock add column due_by date;
