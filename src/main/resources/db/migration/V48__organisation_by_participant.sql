-- A participant's organisations by role (the importing participant's KP authorities, read for the
-- log audience of every certificate issued) without reading the whole directory.
create index organisation_participant on organisation (participant_code);
create index organisation_role_by_role on organisation_role (role, organisation_id);
