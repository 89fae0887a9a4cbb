-- Usage of each application per day (docs/product.md, "Usage and last used"). Each instance counts
-- in memory and adds its counts here every few seconds (UsageFlush): a row is incremented, never
-- replaced, so instances add up. company_id 0 = no company known (refused token requests).
-- kind: 'issued' (detail = grant type), 'refused' (detail = OAuth error code),
-- 'api' (detail = API and HTTP status, e.g. 'common 200'). No foreign keys: counts are history.
create table usage_daily (
    usage_day       date        not null,
    application_id  bigint      not null,
    company_id      bigint      not null,
    kind            varchar(16) not null,
    detail          varchar(64) not null,
    count           bigint      not null,
    primary key (application_id, usage_day, company_id, kind, detail)
);

-- The retention job deletes by day. ("day" is a keyword in H2.)
create index ix_usage_daily_day on usage_daily (usage_day);

-- When something was last used: kind 'application' (ref = application id), 'enablement'
-- ('application id:company id'), 'consent' ('application id:user email'), 'secret' (secret id).
-- Written only forwards: a flush keeps the later of the stored and the new time.
create table last_used (
    kind          varchar(16)  not null,
    ref           varchar(320) not null,
    last_used_at  timestamp    not null,
    primary key (kind, ref)
);

-- Batches of counts already added, so a flush whose commit answer was lost is not added twice.
create table usage_flushes (
    batch_id    varchar(36) primary key,
    flushed_at  timestamp   not null
);

create index ix_usage_flushes_flushed_at on usage_flushes (flushed_at);
