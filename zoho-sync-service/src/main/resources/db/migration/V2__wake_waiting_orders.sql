-- An order waiting for its client or products to reach Zoho names them ('client:<id>', 'product:<id>'), so that
-- mapping one of them wakes the order at once (Mappings.save and adopt) instead of the order polling every few
-- seconds for up to an hour; waiting_since is when its wait began (tsh.zoho.push.dependency-wait counts from it).
alter table sync_task add column waiting_keys text[];
alter table sync_task add column waiting_since timestamptz;
create index sync_task_waiting on sync_task using gin (waiting_keys) where status = 'PENDING' and waiting_keys is not null;
