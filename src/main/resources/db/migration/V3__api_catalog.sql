-- The API catalog of PRODUCT.md section 4: reference data, owned by migrations.
-- Scope codes of APIs and of sensitive data groups share one namespace: they are what tokens carry.
create table apis (
    code           varchar(16)  primary key,
    name           varchar(80)  not null,
    description    varchar(300) not null,
    requires_code  varchar(16)  references apis (code),
    sort_order     int          not null
);

create table api_sensitive_groups (
    code         varchar(16)  primary key,
    api_code     varchar(16)  not null references apis (code),
    name         varchar(80)  not null,
    description  varchar(300) not null,
    sort_order   int          not null
);

insert into apis (code, name, description, requires_code, sort_order) values
    ('EXPRPT', 'Expense Report', 'Read expense reports and their entries.', null, 10),
    ('QUICKX', 'Quick Expense', 'Create quick expenses for users.', 'EXPRPT', 20),
    ('IMAGE', 'Imaging', 'Read receipt images of expense entries.', null, 30),
    ('LIST', 'List Item', 'Read and maintain list items such as project codes.', null, 40),
    ('TRVPRF', 'Travel Profile', 'Read travel profiles of users.', null, 50),
    ('USER', 'User', 'Read the company''s users.', null, 60),
    ('ITINER', 'Itinerary', 'Read and create trip itineraries.', null, 70),
    ('CONFIG', 'Company Configuration', 'Read the company''s configuration.', null, 80);

insert into api_sensitive_groups (code, api_code, name, description, sort_order) values
    ('CCARD', 'EXPRPT', 'Credit Card Data', 'Full credit card numbers on expense entries.', 10),
    ('BANK', 'EXPRPT', 'Bank Account Data', 'Bank account details on expense entries.', 20),
    ('PASSV', 'TRVPRF', 'Passport and Visa', 'Passport and visa details in travel profiles.', 10),
    ('TSAI', 'TRVPRF', 'TSA Secure Flight', 'TSA Secure Flight data in travel profiles.', 20),
    ('EMERG', 'TRVPRF', 'Emergency Contact', 'Emergency contacts in travel profiles.', 30);
