-- Party branches (离退休干部综合党支部) with their study sessions (送学上门 follows from the absentees), and
-- households (两老同住): a cadre belongs to at most one branch and one household. The household's other members are
-- kept in the cadre row too (JSON array), so every profile event carries them without a query per cadre.
create table party_branch (
    code           varchar(64)  primary key,
    name           varchar(200) not null,
    community_code varchar(64),
    unit_code      varchar(64),
    grid_code      varchar(64), -- always null: the placement columns every scoped table has
    client_id      uuid         unique,
    version        bigint       not null default 1,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint party_branch_one_org check ((community_code is null) <> (unit_code is null))
);
create index party_branch_community on party_branch (community_code);
create index party_branch_unit on party_branch (unit_code);

create table study_session (
    id            uuid         primary key,
    branch_code   varchar(64)  not null references party_branch (code),
    topic         varchar(200) not null,
    held_on       date         not null,
    attendee_ids  text         not null,
    absentee_ids  text         not null,
    recorded_by   varchar(200) not null,
    recorded_at   timestamptz  not null
);
create index study_session_branch on study_session (branch_code, held_on desc);

alter table cadre add column party_branch_code varchar(64) references party_branch (code);
alter table cadre add column household_id uuid;
alter table cadre add column household_member_ids text not null default '[]';
create index cadre_party_branch on cadre (party_branch_code) where party_branch_code is not null;
create index cadre_household on cadre (household_id) where household_id is not null;
