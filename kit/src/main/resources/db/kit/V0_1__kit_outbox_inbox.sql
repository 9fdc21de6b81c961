-- Transactional outbox: a row is written in the same transaction as the state change it announces,
-- and relayed to Kafka afterwards. seq gives the relay order; id becomes the CloudEvent ce_id.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    event_key    varchar(200),
    event_type   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
-- The relay only ever scans the unpublished tail; a partial index keeps that scan small.
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Inbox: (consumer, ce_id) inserted first in the same transaction as the consumer's effect;
-- the primary key decides whether this is the first delivery.
create table inbox_message (
    consumer    varchar(100) not null,
    ce_id       varchar(200) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, ce_id)
);
