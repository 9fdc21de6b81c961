-- The tombstone table as Tombstones documents it: every service that lists worklists creates it the same way.
create table tombstone (
    id                 bigserial primary key,
    kind               varchar(32) not null,
    record_id          varchar(64) not null,
    reason             varchar(32) not null,
    community_code     varchar(64),
    grid_code          varchar(64),
    unit_code          varchar(64),
    new_community_code varchar(64),
    new_grid_code      varchar(64),
    new_unit_code      varchar(64),
    removed_at         timestamptz not null
);
create index tombstone_kind_removed_at on tombstone (kind, removed_at);
