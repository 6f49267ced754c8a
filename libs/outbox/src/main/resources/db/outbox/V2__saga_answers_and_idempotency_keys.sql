-- The answers a saga participant gave, by the request they answer (e.g. catalog-service's stock
-- answer to an order). A request that arrives again, under a new event id (a re-sent OrderPlaced),
-- gets the same answer again instead of being evaluated again. Kept as long as the service keeps
-- its data: answers are small, and an order can be re-sent long after it was answered.
create table tsh_saga_answer (
    participant   text        not null,          -- e.g. 'stock', 'credit'
    request_id    text        not null,          -- e.g. the order id
    decision      text        not null,          -- e.g. RESERVED, REJECTED, NOT_NEEDED
    event_type    text        not null,          -- the answer's event type
    event_version bigint      not null,          -- its aggregateVersion (the version of the request answered)
    payload       json        not null,          -- the answer's payload, re-sent as it was
    answered_at   timestamptz not null default now(),
    primary key (participant, request_id)
);

-- Idempotency-Key: the first answer to a keyed request, replayed for a retry with the same key and
-- the same request, refused (422) for the same key with another request; expires after a while.
create table tsh_idempotency_key (
    operation    text        not null,           -- which kind of request, e.g. 'stock-adjustment'
    key          text        not null,           -- the client's Idempotency-Key
    fingerprint  text        not null,           -- SHA-256 of the method, path and canonical body
    status       integer     not null,
    body         text,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (operation, key)
);
create index tsh_idempotency_key_expires_idx on tsh_idempotency_key (expires_at);
