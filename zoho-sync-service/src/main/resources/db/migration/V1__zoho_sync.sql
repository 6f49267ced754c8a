-- zoho-sync-service (database tsh_zoho): which ERP record is which Zoho record, what waits to be pushed
-- to Zoho, and the pulls from Zoho. README, "zoho-sync-service", explains the flow.

-- ---------------------------------------------------------------------------------------------
-- ERP id <-> Zoho id. kind: product (Inventory item), client (Books contact), order (Books sales
-- order), invoice (Books invoice made from an order's sales order; erp_id is the order id).
-- erp_key is the natural key Zoho can be searched by (SKU, phone, order number): the lookup that
-- makes a create whose answer was lost safe to try again.
create table zoho_mapping (
    kind             text        not null check (kind in ('product', 'client', 'order', 'invoice')),
    erp_id           text        not null,
    zoho_id          text        not null,
    erp_key          text,
    -- the ERP version last written to Zoho (0: the record came from Zoho)
    synced_version   bigint      not null default 0,
    -- Zoho's status of the record as we left it (active / inactive; open / void), to know when a status call is due
    zoho_status      text,
    -- Zoho's last_modified_time after our last write: a pull that meets this time again skips our own echo
    zoho_modified_at timestamptz,
    synced_at        timestamptz not null default now(),
    primary key (kind, erp_id)
);
create unique index zoho_mapping_zoho_id on zoho_mapping (kind, zoho_id);
create index zoho_mapping_erp_key on zoho_mapping (kind, erp_key);

-- ---------------------------------------------------------------------------------------------
-- What waits to be pushed: at most one row per record, holding its latest state (changes waiting
-- together are one call carrying the newest). A row is deleted when Zoho has the state it holds.
-- priority: 0 order, 1 client, 2 product (orders first when the budget is short; an order's
-- missing client or products are raised to 0 so they go before it).
create table sync_task (
    id                bigserial   not null unique,
    kind              text        not null check (kind in ('product', 'client', 'order')),
    erp_id            text        not null,
    priority          smallint    not null,
    version           bigint      not null,
    state             jsonb       not null,
    status            text        not null default 'PENDING' check (status in ('PENDING', 'FAILED')),
    attempts          int         not null default 0,
    next_attempt_at   timestamptz not null default now(),
    -- a worker holds the row until then; a replica that died lets it go when the lease ends
    leased_until      timestamptz,
    lease_owner       text,
    -- a create was sent and its answer not seen (timeout, 5xx): look Zoho up before creating again
    create_unsure     boolean     not null default false,
    waiting_for       text,
    last_error_code   int,
    last_error_message text,
    last_error_at     timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (kind, erp_id)
);
create index sync_task_due on sync_task (priority, next_attempt_at) where status = 'PENDING';
create index sync_task_failed on sync_task (kind, id) where status = 'FAILED';

-- ---------------------------------------------------------------------------------------------
-- Pulls from Zoho. A full sync job pages through the kinds asked for and resumes from its next
-- page after a restart; one replica runs it (the lease).
create table sync_job (
    id           uuid primary key,
    status       text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by text        not null,
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    leased_until timestamptz,
    lease_owner  text,
    last_error   text
);
create index sync_job_open on sync_job (created_at) where status in ('QUEUED', 'RUNNING');

create table sync_job_kind (
    job_id    uuid    not null references sync_job (id),
    kind      text    not null check (kind in ('items', 'contacts')),
    position  smallint not null,
    next_page int     not null default 1,
    done      int     not null default 0,
    -- known once the last page is read (Zoho's lists say only whether more pages follow)
    total     int,
    finished  boolean not null default false,
    primary key (job_id, kind)
);

-- The incremental pull's watermark per kind: Zoho's last_modified_time of the newest record taken.
create table pull_state (
    kind          text primary key check (kind in ('items', 'contacts')),
    watermark     timestamptz,
    last_pull_at  timestamptz,
    last_error    text,
    -- one replica pulls a kind at a time
    leased_until  timestamptz,
    lease_owner   text
);
insert into pull_state (kind) values ('items'), ('contacts');
