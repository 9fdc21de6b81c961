-- Read model of registry's cadre-profiles: only what alerting needs (placement, status, contacts to notify).
create table cadre_profile (
    id                 uuid         primary key,
    version            bigint       not null,
    name               varchar(100),
    community_code     varchar(64),
    grid_code          varchar(64),
    unit_code          varchar(64),
    status             varchar(20)  not null,
    contacts           text         not null default '[]',
    profile_updated_at timestamptz,
    received_at        timestamptz  not null
);

-- Versioned escalation policy: a PUT adds a version; an alert keeps the version it was raised under.
create table escalation_policy (
    version    integer      primary key,
    kinds      text         not null,
    created_at timestamptz  not null,
    created_by varchar(100) not null
);
insert into escalation_policy (version, kinds, created_at, created_by) values (1, '{'
    || '"HOSPITALISATION":{"deadline":"PT24H","escalateEvery":"PT24H"},'
    || '"HARDSHIP":{"deadline":"PT72H","escalateEvery":"PT72H"},'
    || '"FAMILY_ACCIDENT":{"deadline":"PT24H","escalateEvery":"PT24H"},'
    || '"FAMILY_CONFLICT":{"deadline":"PT72H","escalateEvery":"PT72H"},'
    || '"NEIGHBOUR_DISPUTE":{"deadline":"PT72H","escalateEvery":"PT72H"},'
    || '"HOUSE_MOVE":{"deadline":"PT72H","escalateEvery":"PT72H"},'
    || '"WORRY":{"deadline":"PT72H","escalateEvery":"PT72H"},'
    || '"BENEFITS_NOT_HONOURED":{"deadline":"PT72H","escalateEvery":"PT72H"},'
    || '"HELP_REQUEST":{"deadline":"PT4H","escalateEvery":"PT4H"},'
    || '"ROUTINE_VISIT_MISSED":{"deadline":"PT72H","escalateEvery":"PT72H"}'
    || '}', timestamptz '2026-01-01T00:00:00Z', 'system');

create table alert (
    id              uuid          primary key,
    cadre_id        uuid          not null,
    kind            varchar(40)   not null,
    status          varchar(20)   not null,
    level           integer       not null,
    raised_at       timestamptz   not null,
    deadline        timestamptz   not null,
    community_code  varchar(64),
    grid_code       varchar(64),
    unit_code       varchar(64),
    layers          varchar(100)  not null,
    policy_version  integer       not null references escalation_policy (version),
    escalate_every  varchar(40)   not null,
    acknowledged_at timestamptz,
    acknowledged_by varchar(100),
    resolved_at     timestamptz,
    resolved_by     varchar(100),
    resolution      varchar(20),
    resolve_reason  varchar(1000),
    updated_at      timestamptz   not null
);
create index alert_updated_at on alert (updated_at);
create index alert_cadre on alert (cadre_id);
create index alert_community on alert (community_code);
create index alert_raised_at on alert (raised_at);
-- At most one open alert per cadre and kind: a second signal joins it.
create unique index alert_one_open_per_kind on alert (cadre_id, kind) where status <> 'RESOLVED';

create table alert_history (
    id       bigserial     primary key,
    alert_id uuid          not null references alert (id),
    at       timestamptz   not null,
    action   varchar(30)   not null,
    level    integer       not null,
    actor    varchar(100),
    note     varchar(1000)
);
create index alert_history_alert on alert_history (alert_id, id);

-- Every signal received, by either path; signal_id decides idempotency.
create table care_signal (
    signal_id   uuid          primary key,
    cadre_id    uuid          not null,
    kind        varchar(40)   not null,
    occurred_at timestamptz,
    details     varchar(2000),
    reported_by varchar(100),
    channel     varchar(20)   not null,
    received_at timestamptz   not null,
    status      varchar(20)   not null,
    alert_id    uuid
);
create index care_signal_alert on care_signal (alert_id);
create index care_signal_pending on care_signal (cadre_id, received_at) where status = 'PENDING_PROFILE';

-- Must-visit tasks reported completed (MustVisitTaskCompleted), per alert, level and layer.
create table alert_task_completion (
    alert_id     uuid         not null references alert (id),
    level        integer      not null,
    layer        varchar(20)  not null,
    task_id      uuid,
    visit_id     uuid,
    completed_at timestamptz,
    primary key (alert_id, level, layer)
);
