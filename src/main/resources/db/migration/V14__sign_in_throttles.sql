-- Failed sign-ins, per account (the normalised email, whether or not such a user exists) and per
-- client address: the state behind the growing waits and temporary locks of docs/throttling.md.
-- In the database so that every instance counts the same failures.
create table sign_in_throttles (
    kind              varchar(10)  not null,
    subject           varchar(254) not null,
    failures          integer      not null,
    first_failure_at  timestamp with time zone not null,
    last_failure_at   timestamp with time zone not null,
    wait_until        timestamp with time zone,
    locked_until      timestamp with time zone,
    primary key (kind, subject),
    constraint ck_sign_in_throttles_kind check (kind in ('ACCOUNT', 'ADDRESS'))
);

-- Staff's list of locks (newest lock first) and the clean-up of quiet rows.
create index ix_sign_in_throttles_locked on sign_in_throttles (locked_until);
create index ix_sign_in_throttles_last_failure on sign_in_throttles (last_failure_at);
