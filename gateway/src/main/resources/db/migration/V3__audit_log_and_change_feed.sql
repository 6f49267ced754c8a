-- gateway (tsh_gateway): the audit log and the apps' offline change feed, both kept from the services' events
-- (package com.tsh.erp.gateway.feed; README, gateway: "Audit log" and "Offline change feed").

-- ---------------------------------------------------------------------------------------------
-- The audit log: one row per event of every service topic (zoho.inbound aside), written in the transaction that
-- records the event in the inbox, so each event is one row however often Kafka delivers it.
create table audit_event (
    id                bigint generated always as identity primary key,
    event_id          uuid        not null,
    topic             text        not null,
    event_type        text        not null,
    aggregate_type    text        not null,
    aggregate_id      text        not null,
    aggregate_version bigint      not null,
    -- who: user:<id>, system:<name> or anonymous, as the producing service recorded it
    actor             text        not null,
    -- tsh, or zoho for a change that came in from Zoho
    origin            text        not null,
    -- the app the change was made from, when the event carries one (none does yet: README)
    app               text,
    request_id        text,
    occurred_at       timestamptz not null,
    recorded_at       timestamptz not null default now(),
    payload           jsonb       not null
);
create unique index audit_event_event_id_key on audit_event (event_id);
-- newest first, whole list and per filter: each filtered page is one index range
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc, id desc);
create index audit_event_entity_idx on audit_event (aggregate_type, aggregate_id, occurred_at desc, id desc);
create index audit_event_entity_type_idx on audit_event (aggregate_type, occurred_at desc, id desc);
create index audit_event_action_idx on audit_event (event_type, occurred_at desc, id desc);

-- ---------------------------------------------------------------------------------------------
-- The change feed: one row per product, category and client with its latest state (the version rule) and the
-- change sequence of its latest change. Sequences are taken from the one row of feed_sequence, whose row lock
-- is held until the writing transaction commits: sequences are therefore handed out in commit order, and every
-- sequence a reader can see is below every sequence still to commit (FeedWriter explains it in full).
create table feed_sequence (
    one      boolean primary key default true check (one),
    last_seq bigint  not null
);
insert into feed_sequence (one, last_seq) values (true, 0);

create table feed_record (
    kind           text        not null check (kind in ('product', 'category', 'client')),
    record_id      bigint      not null,
    version        bigint      not null,
    seq            bigint      not null,
    active         boolean     not null,
    -- clients only: whose client it is (visibility for the salesperson roles)
    salesperson_id bigint,
    -- the record as the apps get it (snake_case JSON); null for a product known only from its deactivation
    data           jsonb,
    updated_at     timestamptz not null default now(),
    primary key (kind, record_id)
);
create unique index feed_record_seq_key on feed_record (seq);
create index feed_record_kind_seq_idx on feed_record (kind, seq);
create index feed_record_salesperson_seq_idx on feed_record (salesperson_id, seq) where kind = 'client';

-- A client that left a salesperson (moved to another, or to none): that salesperson's phones are told to drop it,
-- at the sequence of the change. One row per client and former salesperson, the latest change's sequence.
create table feed_revocation (
    kind           text   not null check (kind in ('client')),
    record_id      bigint not null,
    salesperson_id bigint not null,
    -- the client's version at the move
    version        bigint not null,
    seq            bigint not null,
    primary key (kind, record_id, salesperson_id)
);
create index feed_revocation_salesperson_seq_idx on feed_revocation (salesperson_id, seq);
