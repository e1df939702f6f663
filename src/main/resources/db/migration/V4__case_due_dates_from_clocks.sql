-- A case's due dates are the due dates of its clocks (table clock), counted by the rules and the
-- school calendars and moved when they change: the copies on the case go.
alter table support_case drop column evaluation_due_on;
alter table support_case drop column plan_meeting_due_on;
alter table support_case drop column annual_review_due_on;
alter table support_case drop column reevaluation_due_on;
