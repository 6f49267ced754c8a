-- order-service (database tsh_orders): read models of other services' data, orders and their history.
-- Money is numeric(14,2): at most 999,999,999,999.99, IQD with two places (see README, "Orders").

-- ---------------------------------------------------------------------------------------------
-- Read models, filled from events only (order-service never calls another service). Each row keeps
-- the aggregateVersion of the event it came from; an older event is ignored (the version rule).

create table product_view (
    id              bigint primary key,
    sku             text           not null,
    name            text           not null,
    name_ar         text           not null,
    retail_price    numeric(14, 2) not null,
    wholesale_price numeric(14, 2) not null,
    active          boolean        not null,
    version         bigint         not null,
    updated_at      timestamptz    not null default now()
);

create table client_view (
    id             bigint primary key,
    client_type    text        not null check (client_type in ('WHOLESALE', 'RETAIL')),
    name           text        not null,
    name_ar        text        not null,
    salesperson_id bigint,
    active         boolean     not null,
    version        bigint      not null,
    updated_at     timestamptz not null default now()
);

create table salesperson_view (
    id              bigint primary key,
    name            text          not null,
    name_ar         text          not null,
    kind            text          not null,
    commission_rate numeric(5, 2) not null,
    active          boolean       not null,
    version         bigint        not null,
    updated_at      timestamptz   not null default now()
);

-- ---------------------------------------------------------------------------------------------
-- Orders. The id (a UUID) is what events carry; the number is for people.

create sequence sales_order_number_seq;

create table sales_order (
    id               uuid primary key,
    -- SO-<year>-<6 digits>; "C" collation so the unique index also serves prefix searches (q=SO-2026-00)
    number           text collate "C" not null,
    client_id        bigint         not null,
    -- the client's names when the order was placed: an order documents whom it was sold to
    client_name      text           not null,
    client_name_ar   text           not null,
    -- the channel: WHOLESALE or RETAIL, the client's type when the order was placed (it chose the prices)
    channel          text           not null check (channel in ('WHOLESALE', 'RETAIL')),
    salesperson_id   bigint,
    status           text           not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'DELIVERED')),
    -- the saga's answers as they come: null (not yet), YES or NO
    stock_answer     text check (stock_answer in ('YES', 'NO')),
    credit_answer    text check (credit_answer in ('YES', 'NO')),
    -- why it was rejected: STOCK, CREDIT or TIMEOUT, with the figures (short lines, credit figures)
    rejection        jsonb,
    line_count       integer        not null check (line_count between 1 and 200),
    total_quantity   bigint         not null check (total_quantity > 0),
    subtotal         numeric(14, 2) not null check (subtotal >= 0),
    discount_percent numeric(5, 2)  not null check (discount_percent between 0 and 100),
    discount         numeric(14, 2) not null check (discount >= 0),
    total            numeric(14, 2) not null check (total >= 0),
    currency         text           not null,
    note             text,
    -- the salesperson's commission rate when the order was delivered (null until then)
    commission_rate  numeric(5, 2),
    placed_at        timestamptz    not null,
    confirmed_at     timestamptz,
    closed_at        timestamptz,    -- when it became REJECTED, CANCELLED or DELIVERED
    delivered_at     timestamptz,
    placed_by        text           not null,
    version          bigint         not null,
    updated_at       timestamptz    not null
);
create unique index sales_order_number_key on sales_order (number);
-- the list, newest first, and its keyset cursor (placed_at, id)
create index sales_order_placed_at_idx on sales_order (placed_at desc, id desc);
-- the list's filters, each with the list's order so a filtered page is an index range
create index sales_order_client_id_idx on sales_order (client_id, placed_at desc, id desc);
create index sales_order_salesperson_id_idx on sales_order (salesperson_id, placed_at desc, id desc);
create index sales_order_status_idx on sales_order (status, placed_at desc, id desc);
create index sales_order_channel_idx on sales_order (channel, placed_at desc, id desc);
-- the saga's timeout sweep: only the few orders still waiting
create index sales_order_pending_idx on sales_order (placed_at) where status = 'PENDING';
-- commissions: a salesperson's delivered orders by delivery time
create index sales_order_delivered_idx on sales_order (salesperson_id, delivered_at) where status = 'DELIVERED';

create table sales_order_line (
    order_id   uuid           not null references sales_order (id),
    line_no    integer        not null,
    product_id bigint         not null,
    -- the product as it was when the order was priced
    sku        text           not null,
    name       text           not null,
    name_ar    text           not null,
    quantity   integer        not null check (quantity between 1 and 10000),
    unit_price numeric(14, 2) not null check (unit_price >= 0),
    line_total numeric(14, 2) not null check (line_total >= 0),
    primary key (order_id, line_no)
);
-- "which orders had this product" (reports, the Zoho sync's look-ups)
create index sales_order_line_product_id_idx on sales_order_line (product_id);

-- Every transition, with time, actor and reason; the first row is the placing (from_status null).
create table sales_order_transition (
    id          bigserial primary key,
    order_id    uuid        not null references sales_order (id),
    from_status text,
    to_status   text        not null,
    actor       text        not null,
    reason      text,
    at          timestamptz not null default now()
);
create index sales_order_transition_order_id_idx on sales_order_transition (order_id, id);
