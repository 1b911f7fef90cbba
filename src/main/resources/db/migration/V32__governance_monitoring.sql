-- Governance, re-entry monitoring: recommendations to lift the restrictions on a participant, each
-- with the evidence it rests on (the monitoring figures over a stated period, computed and frozen
-- when it was recorded). A recommendation is never updated. organisation_id is null for the KP's
-- past recommendations, loaded from the seed. No foreign key to participant: the participants list
-- is seeded after the migrations run.
create table governance_recommendation (
  id                   uuid           primary key,
  participant_code     varchar(8)     not null,
  recommended_on       date           not null,
  text                 varchar(20000) not null,
  evidence_from        date           not null,
  evidence_to          date           not null,
  evidence_as_of       date           not null,
  deadline_days        integer        not null check (deadline_days > 0),
  exports              integer        not null check (exports >= 0),
  carats               numeric(18,2)  not null,
  value_usd            numeric(20,2)  not null,
  confirmed            integer        not null,
  late                 integer        not null,
  unconfirmed          integer        not null,
  awaiting             integer        not null,
  in_zone              integer        not null,
  outside_zone         integer        not null,
  not_under_framework  integer        not null,
  evidence_truncated   boolean        not null,
  source               varchar(1000),
  organisation_id      uuid           references organisation (id),
  organisation_name    varchar(300)   not null,
  recorded_at          timestamp with time zone not null,
  recorded_by          varchar(200)   not null,
  constraint governance_recommendation_period check (evidence_from <= evidence_to)
);
create index governance_recommendation_by_participant
  on governance_recommendation (participant_code, recommended_on);
