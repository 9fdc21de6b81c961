-- Org hierarchy: referenced everywhere by code.
create table org_unit (
    code       varchar(64)  primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null default now()
);

create table org_community (
    code        varchar(64)  primary key,
    name        varchar(200) not null,
    street_name varchar(200) not null,
    created_at  timestamptz  not null default now()
);

create table org_grid (
    code           varchar(64)  primary key,
    name           varchar(200) not null,
    community_code varchar(64)  not null references org_community (code),
    created_at     timestamptz  not null default now()
);
create index org_grid_community on org_grid (community_code);

-- The cadre: the plain ID card number is never stored; cipher (AES-GCM), blind index (HMAC) and mask are.
create table cadre (
    id                     uuid         primary key,
    version                bigint       not null,
    name                   varchar(100) not null,
    gender                 varchar(10)  not null,
    birth_date             date         not null,
    id_number_cipher       varchar(200) not null,
    id_number_index        varchar(64)  not null unique,
    id_number_masked       varchar(32)  not null,
    retirement_type        varchar(10)  not null,
    cadre_rank             varchar(20)  not null,
    party_member           boolean      not null,
    unit_code              varchar(64)  not null,
    community_code         varchar(64)  not null,
    grid_code              varchar(64),
    living_arrangement     varchar(20),
    self_care              varchar(10),
    special_categories     varchar(200) not null default '',
    key_target_by_profile  boolean      not null default false,
    phone                  varchar(30),
    address                varchar(300),
    notes                  text,
    family_contacts        text         not null default '[]',
    contacts               text         not null default '[]',
    contact_layers         varchar(100) not null default '',
    status                 varchar(12)  not null,
    deceased_on            date,
    moved_away_on          date,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);
create index cadre_community on cadre (community_code);
create index cadre_grid on cadre (grid_code);
create index cadre_unit on cadre (unit_code);
create index cadre_birth_date on cadre (birth_date);
create index cadre_updated_at on cadre (updated_at);
create index cadre_name on cadre (name, id);

-- History of every change (who, when, what) and every read of an unmasked ID card number.
create table cadre_audit (
    id        uuid         primary key,
    cadre_id  uuid         not null,
    version   bigint,
    action    varchar(30)  not null,
    actor     varchar(100) not null,
    source    varchar(100),
    at        timestamptz  not null,
    changes   text
);
create index cadre_audit_cadre on cadre_audit (cadre_id, at);
create index cadre_audit_action on cadre_audit (action, at);

create table import_job (
    id          uuid         primary key,
    status      varchar(10)  not null,
    format      varchar(10)  not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    finished_at timestamptz,
    processed   integer      not null default 0,
    accepted    integer      not null default 0,
    rejected    integer      not null default 0,
    failure     text
);

create table import_error (
    job_id   uuid         not null references import_job (id),
    seq      integer      not null,
    row_num  integer      not null,
    field    varchar(100) not null,
    message  varchar(500) not null,
    primary key (job_id, seq)
);
