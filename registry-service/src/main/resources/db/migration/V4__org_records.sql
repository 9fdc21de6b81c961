-- Org records (issue 11): streets and the district bureau join units, communities and grids; every record can be
-- edited (optimistic concurrency on version) and deactivated, and names its responsible people (LEADER,
-- DUTY_OFFICER) as a JSON array. client_id is the optional client-generated id of the create (retries are safe).
create table org_street (
    code       varchar(64)  primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null default now()
);

create table org_bureau (
    code       varchar(64)  primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null default now()
);
insert into org_bureau (code, name) values ('QWLGJ', '区委老干部局');

alter table org_community add column street_code varchar(64) references org_street (code);
create index org_community_street on org_community (street_code);

alter table org_unit add column client_id uuid unique, add column version bigint not null default 1,
    add column active boolean not null default true, add column people text not null default '[]',
    add column updated_at timestamptz not null default now();
alter table org_community add column client_id uuid unique, add column version bigint not null default 1,
    add column active boolean not null default true, add column people text not null default '[]',
    add column updated_at timestamptz not null default now();
alter table org_grid add column client_id uuid unique, add column version bigint not null default 1,
    add column active boolean not null default true, add column people text not null default '[]',
    add column updated_at timestamptz not null default now();
alter table org_street add column client_id uuid unique, add column version bigint not null default 1,
    add column active boolean not null default true, add column people text not null default '[]',
    add column updated_at timestamptz not null default now();
alter table org_bureau add column client_id uuid unique, add column version bigint not null default 1,
    add column active boolean not null default true, add column people text not null default '[]',
    add column updated_at timestamptz not null default now();

-- Which import an import_job is: CADRES, ORGS or CONTACTS (jobs from before this column were cadre imports).
alter table import_job add column kind varchar(10) not null default 'CADRES';

-- A frozen 80+ roster (the list that went to payment for the month) and its entries as they were then.
-- The whole district's list is frozen; scope and community filters apply when it is read. Entries keep the ID
-- number encrypted (as the cadre row does) and the placement the cadre had when the list was frozen.
create table roster_freeze (
    month      varchar(7)   primary key,
    frozen_at  timestamptz  not null,
    frozen_by  varchar(100) not null,
    changes    text         not null
);
create table roster_frozen_entry (
    month            varchar(7)   not null references roster_freeze (month),
    cadre_id         uuid         not null,
    band             varchar(10)  not null,
    community_code   varchar(64)  not null,
    grid_code        varchar(64),
    unit_code        varchar(64)  not null,
    id_number_cipher varchar(200) not null,
    entry            text         not null,
    primary key (month, cadre_id)
);
