-- The org read model from org-records (issue 16): which communities lie under a street and a district, so a street
-- officer's and a city district admin's scope resolve here too. Names and hierarchy only: the records' people (names,
-- phones) are not needed by this service and are not kept. Codes as wide as registry's (varchar(64)).
create table org_record (
    kind         varchar(20)  not null,
    code         varchar(64)  not null,
    name         varchar(200),
    parent_code  varchar(64),
    active       boolean      not null default true,
    version      bigint       not null,
    updated_at   timestamptz,
    primary key (kind, code)
);
create index org_record_parent on org_record (kind, parent_code);
