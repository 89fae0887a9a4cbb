-- PostgreSQL only: the lists' "contains" searches (lower(x) like '%term%') served by trigram
-- indexes instead of reading the whole table (docs/lists.md). pg_trgm ships with PostgreSQL and
-- is a trusted extension (13+), so the database owner may create it. H2, the embedded default,
-- has no such index and scans, which is fine at the sizes it is meant for.
create extension if not exists pg_trgm;

create index ix_partner_applications_name_trgm on partner_applications using gin (name_key gin_trgm_ops);
create index ix_companies_name_trgm on companies using gin (lower(name) gin_trgm_ops);
create index ix_companies_domain_trgm on companies using gin (domain gin_trgm_ops);
create index ix_users_email_trgm on users using gin (email gin_trgm_ops);
create index ix_audit_events_application_name_trgm on audit_events using gin (lower(application_name) gin_trgm_ops);
create index ix_audit_events_actor_email_trgm on audit_events using gin (lower(actor_email) gin_trgm_ops);
