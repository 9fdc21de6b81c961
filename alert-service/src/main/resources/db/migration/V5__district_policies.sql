-- A city's districts (issue 16) may each keep their own escalation policy. A version with a district_code is that
-- district's; null is the city default, which every version before this migration is, so a one-district deployment
-- and every alert raised so far keep exactly the policy they had. Version numbers stay one sequence over all
-- districts, so alert.policy_version still names one version.
alter table escalation_policy add column district_code varchar(64);
create index escalation_policy_district on escalation_policy (district_code, version);
