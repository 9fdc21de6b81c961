-- Read model of registry's cadre-profiles: only what volunteering needs (existence, status, placement, health,
-- special categories, and name/phone for a cadre who volunteers or is paired).
create table cadre_ref (
    id                 uuid         primary key,
    version            bigint       not null,
    name               varchar(100),
    phone              varchar(40),
    community_code     varchar(50),
    grid_code          varchar(50),
    unit_code          varchar(50),
    status             varchar(20)  not null,
    self_care          varchar(20),
    special_categories varchar(500) not null default '',
    updated_at         timestamptz  not null
);

-- 失独 (lost their only child) is not a registry code: community workers flag it here (see docs/volunteer-service.md).
create table cadre_flag (
    cadre_id             uuid         primary key,
    bereaved_only_child  boolean      not null,
    flagged_by           varchar(100) not null,
    flagged_at           timestamptz  not null
);

-- A volunteer: a registered cadre (cadre_id) or another resident (name + phone). account links a login of role
-- volunteer so that person can see their own hours.
create table volunteer (
    id             uuid         primary key,
    cadre_id       uuid,
    name           varchar(100) not null,
    phone          varchar(40),
    community_code varchar(50),
    account        varchar(100),
    balance        numeric(10,2) not null default 0,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint volunteer_balance_never_negative check (balance >= 0)
);
create unique index volunteer_cadre on volunteer (cadre_id) where cadre_id is not null;
create unique index volunteer_resident_phone on volunteer (phone) where cadre_id is null;
create unique index volunteer_account on volunteer (account) where account is not null;
create index volunteer_community on volunteer (community_code);

create table volunteer_post (
    id             uuid         primary key,
    title          varchar(200) not null,
    category       varchar(40)  not null,
    community_code varchar(50)  not null,
    grid_code      varchar(50),
    capacity       integer      not null,
    claimed_count  integer      not null default 0,
    schedule       varchar(500),
    description    varchar(2000),
    starts_on      date,
    ends_on        date,
    status         varchar(20)  not null,
    owner          varchar(100) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint post_capacity_positive check (capacity > 0),
    -- the last line of defence: even a buggy code path cannot over-fill a post
    constraint post_never_overfilled check (claimed_count >= 0 and claimed_count <= capacity)
);
create index volunteer_post_community on volunteer_post (community_code, category);
create index volunteer_post_updated on volunteer_post (updated_at);

create table post_claim (
    id           uuid         primary key,
    post_id      uuid         not null references volunteer_post (id),
    volunteer_id uuid         not null references volunteer (id),
    status       varchar(20)  not null,
    claimed_by   varchar(100) not null,
    claimed_at   timestamptz  not null,
    withdrawn_at timestamptz,
    withdraw_reason varchar(500),
    updated_at   timestamptz  not null
);
create unique index post_claim_one_active on post_claim (post_id, volunteer_id) where status = 'ACTIVE';
create index post_claim_volunteer on post_claim (volunteer_id);

create table team (
    id             uuid         primary key,
    name           varchar(200) not null,
    category       varchar(40)  not null,
    community_code varchar(50)  not null,
    description    varchar(2000),
    leader_id      uuid         references volunteer (id),
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index team_community on team (community_code, category);

create table team_member (
    team_id      uuid        not null references team (id),
    volunteer_id uuid        not null references volunteer (id),
    joined_at    timestamptz not null,
    primary key (team_id, volunteer_id)
);
create index team_member_volunteer on team_member (volunteer_id);

create table service_record (
    id                   uuid          primary key,
    volunteer_id         uuid          not null references volunteer (id),
    post_id              uuid          references volunteer_post (id),
    community_code       varchar(50)   not null,
    service_type         varchar(40)   not null,
    served_on            date          not null,
    started_at           timestamptz,
    hours                numeric(6,2)  not null,
    people_served        integer       not null,
    beneficiary_cadre_id uuid,
    description          varchar(2000),
    status               varchar(20)   not null,
    recorded_by          varchar(100)  not null,
    recorded_at          timestamptz   not null,
    verified_by          varchar(100),
    verified_at          timestamptz,
    reject_reason        varchar(500),
    updated_at           timestamptz   not null,
    constraint service_record_hours check (hours > 0 and hours <= 24),
    constraint service_record_people check (people_served >= 1)
);
create index service_record_stats on service_record (status, served_on, community_code, service_type);
create index service_record_volunteer on service_record (volunteer_id);
create index service_record_updated on service_record (updated_at);

-- The time bank ledger. Hours, never money. EARNED (verified service), SPENT (services for oneself or family),
-- DONATED (given to an eligible elder), RECEIVED (the elder's side of a donation).
create table hour_entry (
    id                uuid          primary key,
    volunteer_id      uuid          not null references volunteer (id),
    kind              varchar(20)   not null,
    hours             numeric(10,2) not null,
    balance_after     numeric(10,2) not null,
    service_record_id uuid          references service_record (id),
    counterpart_id    uuid,
    beneficiary       varchar(20),
    note              varchar(500),
    recorded_by       varchar(100)  not null,
    recorded_at       timestamptz   not null,
    constraint hour_entry_positive check (hours > 0)
);
create index hour_entry_volunteer on hour_entry (volunteer_id, recorded_at);
create unique index hour_entry_earned_once on hour_entry (service_record_id) where kind = 'EARNED';

create table pairing (
    id             uuid         primary key,
    cadre_id       uuid         not null,
    volunteer_id   uuid         not null references volunteer (id),
    community_code varchar(50),
    grid_code      varchar(50),
    unit_code      varchar(50),
    cadence        varchar(20)  not null,
    started_on     date         not null,
    status         varchar(20)  not null,
    ended_on       date,
    end_reason     varchar(500),
    note           varchar(2000),
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create unique index pairing_one_active on pairing (cadre_id, volunteer_id) where status = 'ACTIVE';
create index pairing_cadre on pairing (cadre_id);
create index pairing_volunteer on pairing (volunteer_id);
create index pairing_updated on pairing (updated_at);
