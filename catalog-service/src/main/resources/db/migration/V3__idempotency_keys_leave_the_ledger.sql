-- Idempotency-Key is now handled once for every service by libs/outbox (tsh_idempotency_key: same
-- key and request replays the first answer, same key and another request is 422, keys expire after
-- 24 h). The ledger still records the key of the request that made a change, for the audit; it no
-- longer has to be unique, since a key may come back after it expired.
drop index stock_ledger_idempotency_key;
create index stock_ledger_idempotency_key_idx on stock_ledger (idempotency_key) where idempotency_key is not null;
