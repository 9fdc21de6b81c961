-- Service providers (服务商): organisations a service request can be dispatched to, for the service types they offer
-- in the communities they serve.
create table provider (
    id           uuid         primary key,
    name         varchar(200) not null,
    phone        varchar(40)  not null,
    contact_name varchar(100),
    active       boolean      not null default true,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

create table provider_service_type (
    provider_id  uuid        not null references provider (id),
    service_type varchar(40) not null,
    primary key (provider_id, service_type)
);

create table provider_community (
    provider_id    uuid        not null references provider (id),
    community_code varchar(64) not null,
    primary key (provider_id, community_code)
);
create index provider_community_code on provider_community (community_code);

-- Service requests (点单 → 派单 → 接单 → 完成), one cadre each. See docs/volunteer-service.md "Issue 12".
create table service_request (
    id                    uuid          primary key,
    cadre_id              uuid          not null,
    community_code        varchar(64),
    grid_code             varchar(64),
    service_type          varchar(40)   not null,
    details               varchar(2000) not null,
    wanted_by             timestamptz,
    status                varchar(20)   not null,
    source                varchar(20)   not null,
    requested_by          varchar(100)  not null,
    alert_id              uuid,
    assignee_kind         varchar(20),
    assignee_id           uuid,
    assignee_name         varchar(200),
    dispatched_at         timestamptz,
    dispatched_by         varchar(100),
    accepted_at           timestamptz,
    accepted_by           varchar(100),
    accepted_volunteer_id uuid,
    completed_at          timestamptz,
    completed_by          varchar(100),
    completed_on          date,
    notes                 varchar(2000),
    hours                 numeric(4,2),
    credited_volunteer_id uuid,
    service_record_id     uuid,
    cancelled_at          timestamptz,
    cancelled_by          varchar(100),
    cancel_reason         varchar(500),
    rating_score          integer,
    rating_comment        varchar(500),
    rated_at              timestamptz,
    declines              integer       not null default 0,
    last_declined_at      timestamptz,
    escalated_dispatch_at timestamptz,
    escalated_accept_at   timestamptz,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    constraint service_request_hours check (hours is null or (hours > 0 and hours <= 24)),
    constraint service_request_score check (rating_score is null or rating_score between 1 and 5)
);
create index service_request_place on service_request (community_code, grid_code, status);
create index service_request_cadre on service_request (cadre_id);
create index service_request_assignee on service_request (assignee_id);
create index service_request_updated on service_request (updated_at);
create index service_request_stats on service_request (status, completed_on, community_code, service_type);
-- the unanswered-order scanner: only the few requests still waiting for a step and not yet escalated for it
create index service_request_awaiting_dispatch on service_request (coalesce(last_declined_at, created_at))
    where status = 'REQUESTED' and escalated_dispatch_at is null;
create index service_request_awaiting_accept on service_request (dispatched_at)
    where status = 'DISPATCHED' and escalated_accept_at is null;

-- A completed request's hours reach the time bank as a VERIFIED service record naming it (once).
alter table service_record add column service_request_id uuid;
create unique index service_record_request on service_record (service_request_id) where service_request_id is not null;
