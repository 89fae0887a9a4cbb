-- The OAuth 2.0 authorization server's state. Token values are never stored: only SHA-256
-- digests of authorization codes, refresh tokens and consent states.

-- Grants of the authorization code flow (client_credentials tokens are self-contained and not stored).
create table oauth_authorizations (
    id                  varchar(100)  primary key,
    application_id      bigint        not null references partner_applications (id) on delete cascade,
    user_id             bigint        not null references users (id) on delete cascade,
    company_id          bigint        not null references companies (id),
    principal_name      varchar(254)  not null,
    authorized_scopes   varchar(1000) not null,
    request_json        varchar(4000),
    state_hash          varchar(64),
    code_hash           varchar(64),
    code_issued_at      timestamp with time zone,
    code_expires_at     timestamp with time zone,
    code_invalidated    boolean       not null default false,
    refresh_hash        varchar(64),
    refresh_issued_at   timestamp with time zone,
    refresh_expires_at  timestamp with time zone,
    -- the refresh lifetime is absolute: rotation never extends it beyond this
    grant_expires_at    timestamp with time zone,
    created_at          timestamp with time zone not null,
    version             bigint        not null default 0,
    constraint uk_oauth_authorizations_state unique (state_hash),
    constraint uk_oauth_authorizations_code unique (code_hash),
    constraint uk_oauth_authorizations_refresh unique (refresh_hash)
);

create index ix_oauth_authorizations_app_company on oauth_authorizations (application_id, company_id);
create index ix_oauth_authorizations_principal on oauth_authorizations (principal_name);

-- Refresh tokens replaced by rotation: presenting one again revokes its whole grant.
create table oauth_replaced_refresh_tokens (
    token_hash        varchar(64)  primary key,
    authorization_id  varchar(100) not null references oauth_authorizations (id) on delete cascade,
    expires_at        timestamp with time zone not null
);

-- Access tokens revoked through RFC 7009, by JWT id, until they would have expired anyway.
create table oauth_revoked_access_tokens (
    jti         varchar(100) primary key,
    expires_at  timestamp with time zone not null
);

create index ix_oauth_revoked_access_tokens_expiry on oauth_revoked_access_tokens (expires_at);

-- Consents users gave to applications (Spring Authorization Server's consent table shape).
create table oauth2_authorization_consent (
    registered_client_id  varchar(100)  not null,
    principal_name        varchar(200)  not null,
    authorities           varchar(1000) not null,
    constraint pk_oauth2_authorization_consent primary key (registered_client_id, principal_name)
);

-- Token signing keys (ES256). The private key is encrypted with the configured master key.
create table oauth_signing_keys (
    kid                    varchar(64)   primary key,
    public_jwk             varchar(2000) not null,
    private_key_encrypted  varchar(2000) not null,
    created_at             timestamp with time zone not null,
    retired_at             timestamp with time zone
);

-- One counter that every change affecting token decisions increments in its own transaction;
-- each instance watches it to drop its caches, so instances agree within a poll interval.
create table change_epoch (
    id     int    primary key,
    epoch  bigint not null
);

insert into change_epoch (id, epoch) values (1, 0);
