-- The event's W3C traceparent in a column of its own, written with the row, so that the relay sends
-- it as a Kafka record header without parsing every envelope in its hot query (envelope->>'traceparent'
-- on a json column parsed each row's text: a quarter of a single relay's throughput). Rows written
-- before this migration have none; their envelope still carries it.
alter table tsh_outbox add column traceparent text;
