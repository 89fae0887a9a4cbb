-- Indexes for the console lists' filters, sorts and keyset paging (docs/lists.md).

-- Staff's list of every application sorted by name; the review queue, oldest first.
create index ix_partner_applications_name on partner_applications (name_key, id);
create index ix_partner_applications_review on partner_applications (review_state, updated_at, id);
create index ix_partner_applications_owner_updated on partner_applications (owner_company_id, updated_at, id);

-- Users and Permissions: one company's users by email.
create index ix_users_company_email on users (company_id, email);

-- The Audit Log pages by id (newest first) within what a company may see; each of the three
-- ways a line concerns a company gets its own index so a page reads 26 rows from each.
drop index ix_audit_events_actor_company;
drop index ix_audit_events_owner_company;
drop index ix_audit_events_application;
create index ix_audit_events_actor_company on audit_events (actor_company_id, id);
create index ix_audit_events_owner_company on audit_events (owner_company_id, id);
create index ix_audit_events_company on audit_events (company_id, id);
create index ix_audit_events_application on audit_events (application_id, id);
create index ix_audit_events_action on audit_events (action, id);
create index ix_audit_events_occurred on audit_events (occurred_at, id);
