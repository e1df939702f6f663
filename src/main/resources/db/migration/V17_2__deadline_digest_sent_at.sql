-- A digest is mailed after the sweep's transaction commits, not inside it (an outbox the sweep drains): `mailed` now
-- says the digest is to go by mail, `sent_at` when it went. Null until then: the mail not sent yet, or the mail
-- server was down (the next hourly run tries again). A retried sweep never mails a day's digest twice.
alter table deadline_digest add column sent_at timestamp with time zone;
update deadline_digest set sent_at = created_at where mailed = true;
create index ix_deadline_digest_unsent on deadline_digest (mailed, sent_at);
