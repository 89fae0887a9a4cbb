-- A disable, a deactivation or a loss of visibility ends the tokens issued before it for good:
-- re-enabling later must not bring them back. Tokens issued at or before not_before are refused.
-- company_id 0: every company; -1: every company but the owner.
create table oauth_token_cutoffs (
    application_id  bigint not null references partner_applications (id) on delete cascade,
    company_id      bigint not null,
    not_before      timestamp with time zone not null,
    constraint pk_oauth_token_cutoffs primary key (application_id, company_id)
);

-- Emails may have 254 characters.
alter table oauth2_authorization_consent alter column principal_name set data type varchar(254);
