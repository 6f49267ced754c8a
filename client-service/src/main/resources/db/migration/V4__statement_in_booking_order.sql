-- A statement lists a client's entries in booking order (the ledger's id sequence: the order the
-- client row lock let them in, which is the order their balance_after figures follow), not by
-- transaction start time. This index serves that order; the (client_id, created_at, id) index
-- stays for the period's opening and closing sums.
create index client_ledger_client_seq_idx on client_ledger (client_id, id);
