-- Each user counts up a generation whenever they are disabled. A grant remembers the generation
-- of the signed-in user it was made for and is usable only while it is still the user's current
-- one: a grant that a request already under way wrote just after the disable (its user read
-- before it) stays dead after the user is enabled again.
alter table users add column access_generation bigint not null default 0;
alter table oauth_authorizations add column user_generation bigint not null default 0;
