-- BalanceChanged follows the one rule for aggregateVersion (per aggregate and topic, a number that
-- only grows): a balance version of the client's own, raised by every ledger entry, instead of the
-- ledger entry's id. It starts above the highest entry id of the client, because that is the
-- version the events already published carry: a consumer holding one of them must still accept
-- the next.
alter table client add column balance_version bigint not null default 0;
update client c set balance_version = l.max_id
from (select client_id, max(id) as max_id from client_ledger group by client_id) l
where l.client_id = c.id;
