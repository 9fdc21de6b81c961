-- The schema file of each event's data (docs/asyncapi/schemas), sent as the CloudEvents dataschema. Null on rows
-- written before this column existed: the relay then sends no dataschema header, as before.
alter table outbox_event add column dataschema text;
