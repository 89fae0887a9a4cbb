-- Each enablement counts up a generation whenever it stops counting (a disable, the application
-- becoming inactive, Private or sent back to review). Access tokens carry the generation they were
-- issued under and are accepted only while it is current: a token an instance issued from a stale
-- cache just after a disable stays dead after a re-enable. This replaces the time cutoffs of V9,
-- which compared the instance clocks and let such tokens come back.
alter table application_enablements add column generation bigint not null default 0;

-- Enablements that had a cutoff start at generation 1, so tokens issued before it (which carry no
-- generation, read as 0) stay dead. Company 0 in a cutoff meant every company, -1 all but the owner.
update application_enablements
   set generation = 1
 where exists (
         select 1
           from oauth_token_cutoffs c
           join partner_applications a on a.id = c.application_id
          where c.application_id = application_enablements.application_id
            and (c.company_id = application_enablements.company_id
                 or c.company_id = 0
                 or (c.company_id = -1 and application_enablements.company_id <> a.owner_company_id)));

drop table oauth_token_cutoffs;
