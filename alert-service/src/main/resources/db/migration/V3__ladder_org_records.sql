-- Read model of registry's org-records (kind:code → the newest version): names and phones of the people the
-- ladder calls, a community's street (parent_code), and the communities of a street for street officers' scope.
create table org_record (
    id                varchar(80)  primary key,
    kind              varchar(16)  not null,
    code              varchar(64)  not null,
    name              varchar(200),
    parent_code       varchar(64),
    active            boolean      not null,
    version           bigint       not null,
    record_updated_at timestamptz,
    people            text         not null default '[]',
    received_at       timestamptz  not null
);
create index org_record_parent on org_record (kind, parent_code);

-- The street of the cadre's community, as cadre-profiles says (used when no org record names it).
alter table cadre_profile add column street_code varchar(64);

-- Where alerts went when their cadre moved (kit Tombstones; DDL from its javadoc).
create table tombstone (id bigserial primary key, kind varchar(32) not null, record_id varchar(64) not null,
    reason varchar(32) not null, community_code varchar(64), grid_code varchar(64), unit_code varchar(64),
    new_community_code varchar(64), new_grid_code varchar(64), new_unit_code varchar(64),
    removed_at timestamptz not null);
create index tombstone_kind_removed_at on tombstone (kind, removed_at);

-- The new kind EMERGENCY_UNREACHED (战时未联系): every stored policy version gets its default, four hours a level,
-- so an alert of the kind can be raised whichever version is current (earlier versions never knew the kind).
update escalation_policy
   set kinds = (cast(kinds as jsonb) || '{"EMERGENCY_UNREACHED":{"deadline":"PT4H","escalateEvery":"PT4H"}}')::text
 where not (cast(kinds as jsonb) ? 'EMERGENCY_UNREACHED');
