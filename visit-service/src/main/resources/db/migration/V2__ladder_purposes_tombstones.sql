-- Org records (org-records topic): names, parents and responsible people of units, streets, communities, grids and
-- the bureau. Street officers' scope (a street's communities) and task assignees are read from here.
create table org_record (
    kind         varchar(20)  not null,
    code         varchar(50)  not null,
    name         varchar(200),
    parent_code  varchar(50),
    active       boolean      not null default true,
    version      bigint       not null,
    people       text         not null default '[]',
    updated_at   timestamptz,
    primary key (kind, code)
);
create index org_record_parent on org_record (kind, parent_code);

-- A must-visit task names who must act for its layer (from MustVisitRequired), and every task and visit a purpose.
alter table must_visit_task add column org_name varchar(200);
alter table must_visit_task add column assignee_role varchar(30);
alter table must_visit_task add column assignee_name varchar(100);
alter table must_visit_task add column assignee_phone varchar(30);
alter table must_visit_task add column purpose varchar(30) not null default 'MUST_VISIT';
alter table visit add column purpose varchar(30) not null default 'ROUTINE';
alter table campaign_task add column purpose varchar(30) not null default 'FESTIVAL';
create index visit_stats on visit (visited_at, community_code);

-- Worklist tombstones (kit Tombstones): what left a caller's view, for offline devices asking with updatedSince.
create table tombstone (
    id                  bigserial    primary key,
    kind                varchar(32)  not null,
    record_id           varchar(64)  not null,
    reason              varchar(32)  not null,
    community_code      varchar(64),
    grid_code           varchar(64),
    unit_code           varchar(64),
    new_community_code  varchar(64),
    new_grid_code       varchar(64),
    new_unit_code       varchar(64),
    removed_at          timestamptz  not null
);
create index tombstone_kind_removed_at on tombstone (kind, removed_at);

-- Emergency campaigns: the day's cut-off, an early end, and one VisitMissed per cadre, campaign and day.
alter table campaign add column cut_off time;
alter table campaign add column ended_at timestamptz;
alter table campaign add column ended_by varchar(100);
create table campaign_audit (
    id           bigserial    primary key,
    campaign_id  uuid         not null references campaign (id),
    action       varchar(20)  not null,
    detail       text,
    actor        varchar(100),
    at           timestamptz  not null
);
create table emergency_miss (
    campaign_id  uuid         not null,
    cadre_id     uuid         not null,
    on_day       date         not null,
    detected_at  timestamptz  not null,
    primary key (campaign_id, cadre_id, on_day)
);
