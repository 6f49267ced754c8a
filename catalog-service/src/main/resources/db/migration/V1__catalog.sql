-- catalog-service schema. Indexes stand next to their table: every foreign key, every filter,
-- sort and search column (see ../shared/reference/PERFORMANCE_OPTIMIZATION.md).
create extension if not exists pg_trgm;

create table category (
    id         bigserial primary key,
    parent_id  bigint references category (id),
    name       text        not null,
    name_ar    text        not null,
    sort_order integer     not null default 0,
    active     boolean     not null default true,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index category_parent_idx on category (parent_id);
create index category_active_idx on category (active);

create table product (
    id             bigserial primary key,
    sku            text          not null,
    name           text          not null,
    name_ar        text          not null,
    description    text,
    description_ar text,
    category_id    bigint references category (id),
    unit           text          not null,
    retail_price   numeric(14, 2) not null check (retail_price >= 0),
    wholesale_price numeric(14, 2) not null check (wholesale_price >= 0),
    cost_price     numeric(14, 2) check (cost_price >= 0),
    -- stock: changed only through the stock ledger's statements, never by entity updates
    stock_on_hand  integer       not null default 0 check (stock_on_hand >= 0),
    reserved       integer       not null default 0 check (reserved >= 0),
    available      integer generated always as (stock_on_hand - reserved) stored,
    stock_version  bigint        not null default 0,
    reorder_level  integer       not null default 0 check (reorder_level >= 0),
    active         boolean       not null default true,
    image_urls     text[]        not null default '{}',
    zoho_item_id   text,
    -- Zoho's last_modified_time of the item as last applied; an older Zoho change is ignored
    zoho_modified_at timestamptz,
    -- SearchText.normalize(sku, name, name_ar): what q is matched against (trigram index)
    search_text    text          not null,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    version        bigint        not null default 0,
    -- the last line of defence against overselling: nothing can reserve more than is on hand
    constraint product_reserved_within_stock check (reserved <= stock_on_hand)
);
-- SKUs are unique whatever their case; the same index serves exact and prefix SKU matches
create unique index product_sku_key on product (lower(sku) text_pattern_ops);
create unique index product_zoho_item_id_key on product (zoho_item_id) where zoho_item_id is not null;
create index product_category_idx on product (category_id);
create index product_active_idx on product (active);
create index product_active_category_idx on product (active, category_id);
create index product_name_idx on product (name, id);
create index product_name_ar_idx on product (name_ar);
create index product_created_at_idx on product (created_at desc, id desc);
create index product_retail_price_idx on product (retail_price, id);
create index product_available_idx on product (available);
create index product_search_trgm_idx on product using gin (search_text gin_trgm_ops);

-- every change of stock, with its reason and actor; per product it sums to the current figures
create table stock_ledger (
    id              bigserial primary key,
    product_id      bigint      not null references product (id),
    reason          text        not null check (reason in ('ADJUSTMENT', 'RESERVATION', 'RELEASE', 'DELIVERY', 'IMPORT')),
    on_hand_delta   integer     not null,
    reserved_delta  integer     not null,
    on_hand_after   integer     not null,
    reserved_after  integer     not null,
    order_id        text,
    note            text,
    idempotency_key text,
    actor           text        not null,
    created_at      timestamptz not null default now()
);
create index stock_ledger_product_idx on stock_ledger (product_id, id desc);
create index stock_ledger_order_idx on stock_ledger (order_id) where order_id is not null;
create unique index stock_ledger_idempotency_key on stock_ledger (product_id, idempotency_key)
    where idempotency_key is not null;

-- what is held for each order line until the order is delivered, cancelled or rejected
create table stock_reservation (
    order_id   text        not null,
    product_id bigint      not null references product (id),
    quantity   integer     not null check (quantity > 0),
    status     text        not null check (status in ('RESERVED', 'RELEASED', 'DELIVERED')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (order_id, product_id)
);
create index stock_reservation_product_idx on stock_reservation (product_id);
create index stock_reservation_status_idx on stock_reservation (status) where status = 'RESERVED';
