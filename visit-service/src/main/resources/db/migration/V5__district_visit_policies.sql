-- Per-district visit policy (走访规则, issue 16): cadences and campaign defaults, versioned like alert-service's
-- escalation policy. A PUT adds a version; a version with a district_code is that district's own, null is the city
-- default. With no row the city default is version 0, the shipped configuration (shouwang.visit.cadence.*,
-- shouwang.visit.campaigns.*), so an upgraded deployment keeps exactly the cadences it had.
create table visit_policy (
    version              integer      primary key,
    district_code        varchar(50),
    cadences             text         not null,
    greeting_lead_days   integer      not null,
    greeting_grace_days  integer      not null,
    emergency_cut_off    time         not null,
    created_at           timestamptz  not null,
    created_by           varchar(100) not null
);
create index visit_policy_district on visit_policy (district_code, version);

-- The district a campaign belongs to, whose policy gives its defaults when they are used; null: the city default
-- (every campaign before this migration, a city-wide one, one whose communities span districts).
alter table campaign add column district_code varchar(50);
