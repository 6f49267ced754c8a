-- Money that accumulates gets room to accumulate. A single amount (a payment, a credit note, an
-- adjustment, a credit limit) has at most 12 digits before the point (@Money/@SignedMoney:
-- 999,999,999,999.99), but V1 gave the balance the same numeric(14, 2): one largest payment filled
-- it, the next one failed inside the database, and from then on the client could not pay at all.
-- A balance may now range over +-999,999,999,999,999.99 (15 digits, a thousand of the largest single
-- amounts; ClientLedger.BALANCE_LIMIT), checked before every ledger entry is written. The columns that
-- hold a balance, a ledger entry (a delivered order's debit is an order total: credit held against a
-- balance, not a single typed amount) or credit held are numeric(18, 2), 16 digits: the balance range,
-- plus the credit an order can hold against it (at most the credit limit less the balance), plus the
-- sums the reads make of them, all fit with room to spare.
-- Raising a numeric's precision at the same scale changes no stored value: PostgreSQL does not
-- rewrite the tables.
alter table client alter column balance type numeric(18, 2);
alter table client_ledger alter column amount type numeric(18, 2),
                          alter column balance_after type numeric(18, 2);
alter table credit_reservation alter column amount type numeric(18, 2);
