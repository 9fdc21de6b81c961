-- Registry's org codes are varchar(64) (registry V1); ours were varchar(50), so a profile of a cadre in a community,
-- grid or unit with a longer code could not be stored (and pairings copy the cadre's placement). Widen every org
-- code column to registry's width; the request DTOs allow 64 as well.
alter table cadre_ref alter column community_code type varchar(64),
                      alter column grid_code type varchar(64),
                      alter column unit_code type varchar(64);
alter table volunteer alter column community_code type varchar(64);
alter table volunteer_post alter column community_code type varchar(64),
                           alter column grid_code type varchar(64);
alter table team alter column community_code type varchar(64);
alter table service_record alter column community_code type varchar(64);
alter table pairing alter column community_code type varchar(64),
                    alter column grid_code type varchar(64),
                    alter column unit_code type varchar(64);
