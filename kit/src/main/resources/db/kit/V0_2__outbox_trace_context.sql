-- The W3C trace context of the transaction that wrote the row (null outside a trace): the relay sends it as the
-- record's traceparent, so a trace spans the asynchronous hop. Applied out of order on databases that already hold
-- service migrations (quarkus.flyway.out-of-order in the kit's defaults); it only adds a nullable column.
alter table outbox_event add column traceparent varchar(100);
