-- Which company has which application enabled: the single source the OAuth server and the
-- platform APIs read.
create table application_enablements (
    application_id  bigint       not null references partner_applications (id) on delete cascade,
    company_id      bigint       not null references companies (id),
    enabled         boolean      not null,
    changed_at      timestamp with time zone not null,
    changed_by      varchar(254) not null,
    version         bigint       not null default 0,
    constraint pk_application_enablements primary key (application_id, company_id)
);

create index ix_application_enablements_company on application_enablements (company_id);
