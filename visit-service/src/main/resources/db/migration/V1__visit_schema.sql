-- Read model of cadre-profiles: only what visiting needs (where the cadre lives, risk factors, contacts, status).
create table cadre (
    id                  uuid         primary key,
    version             bigint       not null,
    name                varchar(100),
    birth_date          date,
    unit_code           varchar(50),
    community_code      varchar(50),
    grid_code           varchar(50),
    living_arrangement  varchar(30),
    self_care           varchar(20),
    special_categories  varchar(200) not null default '',
    key_service_target  boolean      not null default false,
    status              varchar(20)  not null,
    first_seen_at       timestamptz  not null default now(),
    updated_at          timestamptz  not null default now()
);
create index cadre_community on cadre (community_code);
create index cadre_grid on cadre (grid_code);
create index cadre_unit on cadre (unit_code);

-- Responsible contacts per layer as the registry assigned them (UNIT, COMMUNITY, GRID); replaced with every profile.
create table cadre_contact (
    cadre_id  uuid         not null references cadre (id) on delete cascade,
    layer     varchar(20)  not null,
    name      varchar(100),
    phone     varchar(30),
    org_code  varchar(50),
    primary key (cadre_id, layer)
);

-- 结对帮扶 from volunteering: while active (ended_on null) the volunteer is the cadre's NEIGHBOUR-layer contact.
create table neighbour_pairing (
    pairing_id      uuid         primary key,
    cadre_id        uuid         not null,
    volunteer_id    uuid,
    volunteer_name  varchar(100),
    volunteer_phone varchar(30),
    cadence         varchar(20)  not null default 'P7D',
    started_on      date,
    ended_on        date,
    end_reason      varchar(200),
    updated_at      timestamptz  not null default now()
);
create index neighbour_pairing_cadre on neighbour_pairing (cadre_id) where ended_on is null;

-- Visit log. Placement (community/grid/unit) is copied at logging time so scope filters need no join.
create table visit (
    id                    uuid         primary key,
    cadre_id              uuid         not null,
    visited_at            timestamptz  not null,
    channel               varchar(20)  not null,
    layer                 varchar(20)  not null,
    visitor_name          varchar(100),
    task_id               uuid,
    notes                 text,
    contacted             boolean      not null default true,
    not_contacted_reason  varchar(30),
    health_status         varchar(20),
    health_notes          text,
    community_code        varchar(50),
    grid_code             varchar(50),
    unit_code             varchar(50),
    recorded_by           varchar(100),
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now()
);
create index visit_cadre_time on visit (cadre_id, visited_at desc);
create index visit_updated on visit (updated_at);
create index visit_community on visit (community_code, visited_at);

-- Latest contact per cadre, layer and channel (contacted visits only): what the cadence check reads, filtered by
-- the channels configured to count for each layer.
create table last_contact (
    cadre_id        uuid         not null,
    layer           varchar(20)  not null,
    channel         varchar(20)  not null,
    last_contact_at timestamptz  not null,
    primary key (cadre_id, layer, channel)
);

-- Must-visit tasks from MustVisitRequired: one per (alert, level, layer).
create table must_visit_task (
    id              uuid         primary key,
    cadre_id        uuid         not null,
    alert_id        uuid         not null,
    kind            varchar(40),
    level           int          not null,
    layer           varchar(20)  not null,
    org_code        varchar(50)  not null,
    status          varchar(20)  not null,
    deadline        timestamptz  not null,
    community_code  varchar(50),
    grid_code       varchar(50),
    unit_code       varchar(50),
    visit_id        uuid,
    created_at      timestamptz  not null default now(),
    completed_at    timestamptz,
    missed_at       timestamptz,
    cancelled_at    timestamptz,
    cancel_reason   varchar(40),
    updated_at      timestamptz  not null default now(),
    constraint must_visit_task_once unique (alert_id, level, layer)
);
-- The missed-visit scanner reads only open tasks in deadline order: a partial index keeps that scan tiny.
create index must_visit_task_open_deadline on must_visit_task (deadline) where status = 'OPEN';
create index must_visit_task_cadre on must_visit_task (cadre_id);
create index must_visit_task_updated on must_visit_task (updated_at);

-- A routine lapse (cadence overrun) is announced once per cadre, layer and due date.
create table routine_lapse (
    cadre_id     uuid         not null,
    layer        varchar(20)  not null,
    due_on       date         not null,
    org_code     varchar(50),
    detected_at  timestamptz  not null default now(),
    primary key (cadre_id, layer, due_on)
);

-- 问题清单: needs raised during visits, each with an owner and a deadline, tracked to resolution.
create table issue_item (
    id              uuid         primary key,
    visit_id        uuid         not null,
    cadre_id        uuid         not null,
    description     text         not null,
    category        varchar(40),
    owner_org_code  varchar(50),
    owner_name      varchar(100),
    deadline        date         not null,
    status          varchar(20)  not null,
    resolution      text,
    resolved_at     timestamptz,
    resolved_by     varchar(100),
    community_code  varchar(50),
    grid_code       varchar(50),
    unit_code       varchar(50),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
create index issue_item_cadre on issue_item (cadre_id);
create index issue_item_open on issue_item (deadline) where status = 'OPEN';
create index issue_item_updated on issue_item (updated_at);

-- Campaigns: emergency daily check-ins (战时) and greeting rounds (春节, 重阳节, 80+ birthdays).
create table campaign (
    id               uuid         primary key,
    type             varchar(30)  not null,
    name             varchar(200) not null,
    community_codes  varchar(2000) not null default '',
    start_on         date         not null,
    end_on           date         not null,
    layers           varchar(100) not null,
    created_by       varchar(100),
    created_at       timestamptz  not null default now()
);

create table campaign_task (
    id              uuid         primary key,
    campaign_id     uuid         not null references campaign (id),
    cadre_id        uuid         not null,
    layer           varchar(20)  not null,
    org_code        varchar(50),
    community_code  varchar(50),
    grid_code       varchar(50),
    unit_code       varchar(50),
    open_from       date         not null,
    due_on          date         not null,
    status          varchar(20)  not null,
    visit_id        uuid,
    completed_at    timestamptz,
    updated_at      timestamptz  not null default now(),
    constraint campaign_task_once unique (campaign_id, cadre_id, layer, due_on)
);
create index campaign_task_open on campaign_task (cadre_id, layer) where status = 'OPEN';
