-- a stand-in business table and a consumer's effect, for the outbox tests
create table demo_note (
    id       bigserial primary key,
    note_key text    not null,
    seq      integer not null,
    text     text    not null
);
create index demo_note_key_idx on demo_note (note_key);

-- deliberately no unique constraint: only the inbox keeps a redelivered event from applying twice
create table demo_applied (
    id       bigserial primary key,
    event_id uuid    not null,
    note_key text    not null,
    seq      integer not null
);
create index demo_applied_event_idx on demo_applied (event_id);
create index demo_applied_key_idx on demo_applied (note_key);
