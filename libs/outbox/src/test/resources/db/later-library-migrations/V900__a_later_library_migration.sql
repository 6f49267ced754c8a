-- OutboxSchemaTest: stands for a migration the library adds after services are in production
alter table tsh_outbox add column later_test_column text;
create table tsh_outbox_later_test (id integer primary key);
