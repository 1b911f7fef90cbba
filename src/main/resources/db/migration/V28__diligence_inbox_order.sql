-- The due-diligence inbox at scale (a million findings): each link row carries its finding's
-- raised_at, so that the newest findings of an organisation or a participant are read from an
-- index in order instead of sorting every finding it may see; the secretariat's inbox (all
-- findings) reads diligence_finding by time.
alter table diligence_finding_organisation add column raised_at timestamp with time zone;
update diligence_finding_organisation o
   set raised_at = (select f.raised_at from diligence_finding f where f.id = o.finding_id);
alter table diligence_finding_organisation alter column raised_at set not null;
create index diligence_finding_organisation_inbox
    on diligence_finding_organisation (organisation_id, raised_at, finding_id);

alter table diligence_finding_participant add column raised_at timestamp with time zone;
update diligence_finding_participant p
   set raised_at = (select f.raised_at from diligence_finding f where f.id = p.finding_id);
alter table diligence_finding_participant alter column raised_at set not null;
create index diligence_finding_participant_inbox
    on diligence_finding_participant (participant, raised_at, finding_id);

create index diligence_finding_by_time on diligence_finding (raised_at, id);
