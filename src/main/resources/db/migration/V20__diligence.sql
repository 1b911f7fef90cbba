-- Due diligence (docs/diligence.md): the event publication registry that carries domain facts from
-- the modules to the red-flag engine durably, the findings with their evidence and parties, the
-- responses, and the country risk lists the secretariat keeps.

-- Spring Modulith's JDBC event publication registry, as its jar's own schema (v2) for H2 and
-- PostgreSQL: one row per event and listener, completed once the listener ran; rows still
-- incomplete after a crash are published again on the next start.
create table event_publication (
  id                     uuid          not null,
  listener_id            varchar(512)  not null,
  event_type             varchar(512)  not null,
  serialized_event       varchar(4000) not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 varchar(20),
  completion_attempts    integer,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_id_idx on event_publication (listener_id);

-- A red flag. fact_key names the facts it was raised on: the same rule on the same facts never
-- raises a second finding (the unique constraint holds under concurrent listeners too).
-- escalation: NONE, AUTHORITY (the participant's KP authority sees it as overdue), SECRETARIAT.
create table diligence_finding (
  id           uuid          primary key,
  rule         varchar(10)   not null,
  severity     varchar(10)   not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
  status       varchar(12)   not null check (status in ('OPEN', 'RESPONDED', 'ESCALATED', 'CLOSED')),
  escalation   varchar(12)   not null check (escalation in ('NONE', 'AUTHORITY', 'SECRETARIAT')),
  summary      varchar(2000) not null,
  fact_key     varchar(500)  not null,
  raised_at    timestamp with time zone not null,
  review_on    date,
  escalated_at timestamp with time zone,
  version      bigint        not null,
  constraint diligence_finding_once unique (rule, fact_key)
);
create index diligence_finding_by_rule on diligence_finding (rule, raised_at);
create index diligence_finding_by_status on diligence_finding (status, raised_at);

create table diligence_finding_organisation (
  finding_id      uuid not null references diligence_finding (id),
  organisation_id uuid not null,
  primary key (finding_id, organisation_id)
);
create index diligence_finding_organisation_by_org on diligence_finding_organisation (organisation_id);

create table diligence_finding_participant (
  finding_id  uuid       not null references diligence_finding (id),
  participant varchar(2) not null,
  primary key (finding_id, participant)
);
create index diligence_finding_participant_by_code on diligence_finding_participant (participant);

-- Typed links to what the finding was raised on (certificate, event, statistics cell, log entry,
-- organisation, risk list entry), in order.
create table diligence_evidence (
  finding_id uuid          not null references diligence_finding (id),
  position   integer       not null,
  kind       varchar(20)   not null,
  ref        varchar(500)  not null,
  label      varchar(1000) not null,
  href       varchar(1000) not null,
  primary key (finding_id, position)
);

-- Responses (OECD step 3): continue with a mitigation plan and review date, suspend, disengage.
create table diligence_response (
  id              uuid          primary key,
  finding_id      uuid          not null references diligence_finding (id),
  position        integer       not null,
  decision        varchar(12)   not null check (decision in ('CONTINUE', 'SUSPEND', 'DISENGAGE')),
  plan            varchar(4000),
  review_on       date,
  organisation_id uuid          not null,
  responder       varchar(200)  not null,
  username        varchar(200)  not null,
  responded_at    timestamp with time zone not null,
  log_entry       uuid          not null,
  constraint diligence_response_order unique (finding_id, position)
);

-- Country and entity risk lists with history. list: CAHRA (conflict-affected or high-risk area),
-- TRANSIT (a known transit country of the CAHRA in related_to), SANCTIONED_ORIGIN (country),
-- SANCTIONED_ENTITY (an organisation id). valid_to null: still in force.
create table diligence_risk_entry (
  id          uuid          primary key,
  list        varchar(20)   not null check (list in ('CAHRA', 'TRANSIT', 'SANCTIONED_ORIGIN', 'SANCTIONED_ENTITY')),
  subject     varchar(100)  not null,
  related_to  varchar(2),
  valid_from  date          not null,
  valid_to    date,
  source      varchar(2000) not null,
  recorded_by varchar(200)  not null,
  recorded_at timestamp with time zone not null,
  ended_by    varchar(200),
  version     bigint        not null
);
create index diligence_risk_entry_by_list on diligence_risk_entry (list, subject);

insert into diligence_risk_entry
  (id, list, subject, related_to, valid_from, valid_to, source, recorded_by, recorded_at, version)
values
  ('6b1f0c1e-0000-4000-8000-000000000001', 'CAHRA', 'CF', null, date '2013-05-23', null,
   'KP Administrative Decision of 23 May 2013: CAR suspended after the Seleka seizure of power; exports since only from compliant zones (https://gems2jewellery.com/ban-on-car-diamonds-partially-lifted/)',
   'seed', timestamp with time zone '2026-01-01 00:00:00+00', 0),
  ('6b1f0c1e-0000-4000-8000-000000000002', 'CAHRA', 'VE', null, date '2005-01-01', null,
   'Venezuela issued no KP certificates after January 2005 while production went on; smuggled through Brazil and Guyana (http://www.ibtimes.com/ngos-demand-venezuelan-expulsion-kimberley-process-221952)',
   'seed', timestamp with time zone '2026-01-01 00:00:00+00', 0),
  ('6b1f0c1e-0000-4000-8000-000000000003', 'TRANSIT', 'CD', 'CF', date '2013-05-23', null,
   'Embargoed CAR goods entered Dubai from the DRC with a valid KP certificate, seized in Antwerp in December 2015 (https://jckonline.com/editorial-article/dubai-under-fire)',
   'seed', timestamp with time zone '2026-01-01 00:00:00+00', 0),
  ('6b1f0c1e-0000-4000-8000-000000000004', 'TRANSIT', 'CM', 'CF', date '2013-05-23', null,
   'Neighbour of the CAR named for enhanced due diligence; a fake Cameroon KP certificate was found by UAE Customs in 2016 (https://www.thediamondloupe.com/articles/2016-03-30/kimberley-process-warns-fake-certificate-cameroon)',
   'seed', timestamp with time zone '2026-01-01 00:00:00+00', 0),
  ('6b1f0c1e-0000-4000-8000-000000000005', 'TRANSIT', 'BR', 'VE', date '2005-01-01', null,
   'Venezuelan goods smuggled through Boa Vista, Brazil (http://www.ibtimes.com/ngos-demand-venezuelan-expulsion-kimberley-process-221952)',
   'seed', timestamp with time zone '2026-01-01 00:00:00+00', 0),
  ('6b1f0c1e-0000-4000-8000-000000000006', 'TRANSIT', 'GY', 'VE', date '2005-01-01', null,
   'Venezuelan goods smuggled to Georgetown, Guyana: tens to hundreds of thousands of carats a year (http://www.ibtimes.com/ngos-demand-venezuelan-expulsion-kimberley-process-221952)',
   'seed', timestamp with time zone '2026-01-01 00:00:00+00', 0),
  ('6b1f0c1e-0000-4000-8000-000000000007', 'SANCTIONED_ORIGIN', 'RU', null, date '2024-01-01', null,
   'Council Regulation (EU) 2023/2878 (12th package), Annex XXXVIII-A: no import of diamonds originating in, exported from or transiting Russia, from 1 January 2024; coordinated with the G7',
   'seed', timestamp with time zone '2026-01-01 00:00:00+00', 0);
