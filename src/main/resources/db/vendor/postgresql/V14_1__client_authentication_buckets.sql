-- Token buckets for failed client authentication (docs/throttling.md), shared by every instance.
-- The layout is the one Bucket4j's PostgreSQL proxy manager reads and writes: the bucket's state
-- is the library's own serialised form; expires_at (epoch milliseconds) is when a bucket would be
-- full again, after which a clean-up deletes it. H2 (one embedded instance) keeps buckets in memory.
create table client_authentication_buckets (
    id          varchar(200) primary key,
    state       bytea,
    expires_at  bigint
);

create index ix_client_authentication_buckets_expires on client_authentication_buckets (expires_at);
