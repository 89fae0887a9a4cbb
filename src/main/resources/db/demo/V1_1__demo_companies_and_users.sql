-- Demo data of PRODUCT.md section 7, loaded only by the default embedded profile.
-- Every demo user's password is demo-password-1 (bcrypt, cost 10).
insert into companies (name, domain, development_partner, platform_operator, created_at)
values ('Platform Operations', 'platform.example', false, true, current_timestamp),
       ('Acme Sandbox', 'acme-sandbox.example', true, false, current_timestamp),
       ('Globex Corporation', 'globex.example', false, false, current_timestamp);

insert into users (company_id, email, password_hash, enabled, created_at)
select c.id, u.email, '{bcrypt}$2a$10$H7JEVOY1XB3oZ02YD7HZyOJADCXTO3LV.M/bublxazZhG4WVBmNve', true, current_timestamp
from (values ('platform.example', 'staff@platform.example'),
             ('acme-sandbox.example', 'dev@acme-sandbox.example'),
             ('acme-sandbox.example', 'employee@acme-sandbox.example'),
             ('globex.example', 'admin@globex.example'),
             ('globex.example', 'employee@globex.example')) as u (domain, email)
join companies c on c.domain = u.domain;

insert into user_permissions (user_id, permission)
select id, 'WEB_SERVICES_ADMINISTRATOR' from users where email = 'dev@acme-sandbox.example';

insert into user_permissions (user_id, permission)
select id, 'COMPANY_ADMINISTRATOR' from users where email = 'admin@globex.example';
