-- gateway: the people who sign in, their roles, and their refresh tokens (tsh_gateway)

create table app_user (
    id             bigint generated always as identity primary key,
    username       text        not null,
    -- bcrypt of the password's SHA-256 (Passwords): bcrypt reads only 72 bytes, a password may have 128 characters
    password_hash  text        not null,
    roles          text[]      not null check (cardinality(roles) > 0),
    -- a salesperson user is one salesperson of client-service; a client user belongs to one client
    salesperson_id bigint,
    client_id      bigint,
    active         boolean     not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        bigint      not null default 0
);
-- one name whatever its case: "Ali" and "ali" are the same user
create unique index app_user_username_key on app_user (lower(username));
create index app_user_roles_idx on app_user using gin (roles);

-- who changed a user, and how (the admin routes write one row per change, in the change's transaction)
create table app_user_change (
    id        bigint generated always as identity primary key,
    user_id   bigint      not null references app_user (id),
    version   bigint      not null,
    actor     text        not null,
    change    text        not null,
    at        timestamptz not null default now()
);
create index app_user_change_user_idx on app_user_change (user_id, id);

-- Refresh tokens: only the SHA-256 of the token is kept. Every use marks the token used and issues the next one
-- of its family (one sign-in); a used token shown again revokes the whole family.
create table refresh_token (
    id          bigint generated always as identity primary key,
    token_hash  bytea       not null unique,
    family_id   uuid        not null,
    user_id     bigint      not null references app_user (id),
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_user_live_idx on refresh_token (user_id) where revoked_at is null;
