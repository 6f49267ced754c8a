-- client-service schema. Indexes stand next to their table: every foreign key, every filter,
-- sort and search column (see ../shared/reference/PERFORMANCE_OPTIMIZATION.md).
create extension if not exists pg_trgm;

create table salesperson (
    id              bigserial primary key,
    name            text          not null,
    name_ar         text          not null,
    phone           text,                       -- E.164
    email           text,
    kind            text          not null check (kind in ('INTERNAL', 'PARTNER_SALESMAN', 'TRAVEL')),
    region          text,
    commission_rate numeric(5, 2) not null default 0 check (commission_rate >= 0 and commission_rate <= 100),
    active          boolean       not null default true,
    search_text     text          not null,
    version         bigint        not null default 0,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
create index salesperson_name_idx on salesperson (name, id);
create index salesperson_kind_idx on salesperson (kind);
create index salesperson_region_idx on salesperson (region);
create index salesperson_active_idx on salesperson (active);
create index salesperson_phone_idx on salesperson (phone);
create index salesperson_email_idx on salesperson (lower(email));
create index salesperson_search_trgm_idx on salesperson using gin (search_text gin_trgm_ops);

create table client (
    id               bigserial primary key,
    name             text           not null,
    name_ar          text           not null,
    client_type      text           not null check (client_type in ('WHOLESALE', 'RETAIL')),
    phone            text,                      -- E.164
    email            text,
    address          text,
    city             text,
    region           text,
    salesperson_id   bigint references salesperson (id),
    credit_limit     numeric(14, 2) not null default 0 check (credit_limit >= 0),
    -- what the client owes: always the sum of the client's ledger (kept here, under the row lock, for the credit check)
    balance          numeric(14, 2) not null default 0,
    active           boolean        not null default true,
    zoho_contact_id  text,
    zoho_modified_at timestamptz,
    search_text      text           not null,
    version          bigint         not null default 0,
    created_at       timestamptz    not null default now(),
    updated_at       timestamptz    not null default now()
);
create index client_name_idx on client (name, id);
create index client_name_ar_idx on client (name_ar);
create index client_type_idx on client (client_type);
create index client_active_idx on client (active);
create index client_salesperson_idx on client (salesperson_id);
create index client_region_idx on client (region);
create index client_city_idx on client (city);
create index client_phone_idx on client (phone);
create index client_email_idx on client (lower(email));
create unique index client_zoho_contact_id_key on client (zoho_contact_id) where zoho_contact_id is not null;
create index client_search_trgm_idx on client using gin (search_text gin_trgm_ops);

-- every change of a balance; amount > 0 raises what the client owes, < 0 lowers it
create table client_ledger (
    id             bigserial primary key,
    client_id      bigint         not null references client (id),
    kind           text           not null check (kind in ('ORDER_DELIVERED', 'PAYMENT', 'CREDIT_NOTE', 'ADJUSTMENT')),
    amount         numeric(14, 2) not null check (amount <> 0),
    balance_after  numeric(14, 2) not null,
    order_id       text,
    payment_method text,
    reference      text,
    note           text,
    actor          text           not null,
    created_at     timestamptz    not null default now()
);
create index client_ledger_client_idx on client_ledger (client_id, created_at, id);
create index client_ledger_order_idx on client_ledger (order_id) where order_id is not null;
-- a payment or credit note reference is used once per client: a retried request cannot pay twice
create unique index client_ledger_reference_key on client_ledger (client_id, kind, reference) where reference is not null;
-- an order is debited once
create unique index client_ledger_order_debit_key on client_ledger (order_id) where kind = 'ORDER_DELIVERED';

-- credit held for placed, undelivered orders of wholesale clients
create table credit_reservation (
    order_id   text           primary key,
    client_id  bigint         not null references client (id),
    amount     numeric(14, 2) not null check (amount >= 0),
    status     text           not null check (status in ('RESERVED', 'RELEASED', 'CONVERTED')),
    created_at timestamptz    not null default now(),
    updated_at timestamptz    not null default now()
);
create index credit_reservation_client_idx on credit_reservation (client_id, status);
