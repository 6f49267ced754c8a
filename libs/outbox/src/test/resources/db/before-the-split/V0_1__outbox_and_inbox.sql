-- Transactional outbox: written in the business transaction, published by the relay.
-- Shipped by libs/outbox and applied by every service's Flyway in its own database
-- (version 0.1, so it runs before the service's own V1).
create table tsh_outbox (
    id              bigserial primary key,
    event_id        uuid        not null unique,
    topic           text        not null,
    message_key     text        not null,
    -- rows of one key always share a lane; one relay at a time owns a lane, so per-key order holds
    lane            smallint    not null,
    event_type      text        not null,
    envelope        json        not null,
    created_at      timestamptz not null default clock_timestamp(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    last_error      text,
    sent_at         timestamptz
);
-- the relay's only read: pending rows of a lane in id order
create index tsh_outbox_pending_idx on tsh_outbox (lane, id) where sent_at is null;
-- the clean-up of published rows
create index tsh_outbox_sent_at_idx on tsh_outbox (sent_at) where sent_at is not null;

create table tsh_outbox_lane (
    lane smallint primary key
);
insert into tsh_outbox_lane (lane) select generate_series(0, 15);

-- Idempotent consumers: the ids of the events a consumer has applied, written in the same
-- transaction as the effect.
create table tsh_inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index tsh_inbox_processed_at_idx on tsh_inbox (processed_at);
