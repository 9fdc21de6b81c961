-- Districts (区, issue 16): a city deployment serves several district bureaus. A district record carries its bureau's
-- people (level 3 of the ladder for its cadres); a street belongs to one district (null: a one-district install,
-- the upgrade default, whose single org_bureau record stays level 3).
create table org_district (
    code       varchar(64)  primary key,
    name       varchar(200) not null,
    client_id  uuid         unique,
    version    bigint       not null default 1,
    active     boolean      not null default true,
    people     text         not null default '[]',
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);

alter table org_street add column district_code varchar(64) references org_district (code);
create index org_street_district on org_street (district_code);
