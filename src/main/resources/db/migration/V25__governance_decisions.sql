-- Every status change and compliant zone is ordered by a KP decision (governance module). The
-- registry keeps, on each row, the decision that ordered it: its id and number, for display and
-- for the standing's answer. The decision's own record in the transparency log lists the rows it
-- ordered, so the link is committed there; these columns are not part of the rows' own committed
-- shape (rows recorded before decisions existed are linked to their seeded decisions at start-up).
alter table participant_status_change add column decision_id uuid;
alter table participant_status_change add column decision_number varchar(60);
alter table compliant_zone add column decision_id uuid;
alter table compliant_zone add column decision_number varchar(60);

-- The decisions themselves: administrative and plenary decisions recorded by the secretariat (and
-- the KP's past decisions, seeded), each committed to the transparency log when recorded. A
-- decision is never updated: a change of course is a later decision.
create table governance_decision (
  id                 uuid          primary key,
  number             varchar(60)   not null,
  title              varchar(300)  not null,
  body               varchar(30)   not null check (body in
                       ('PLENARY', 'INTERSESSIONAL', 'WRITTEN_PROCEDURE', 'CHAIR',
                        'PARTICIPANT_NOTICE', 'NOT_STATED')),
  adopted_on         date          not null,
  effective_on       date          not null,
  date_precision     varchar(10)   not null check (date_precision in ('DAY', 'MONTH', 'YEAR', 'UNKNOWN')),
  text               varchar(20000) not null,
  recommendation_id  uuid,
  source             varchar(1000),
  recorded_at        timestamp with time zone not null,
  recorded_by        varchar(200)  not null,
  constraint governance_decision_number unique (number),
  constraint governance_decision_dates check (effective_on >= adopted_on)
);
create index governance_decision_effective on governance_decision (effective_on);

-- The participants a decision concerns.
create table governance_decision_participant (
  decision_id       uuid          not null references governance_decision (id),
  participant_code  varchar(8)    not null,
  primary key (decision_id, participant_code)
);
create index governance_decision_participant_code
  on governance_decision_participant (participant_code);

-- What a decision orders, in order, and the registry row each order became.
create table governance_decision_order (
  decision_id         uuid         not null references governance_decision (id),
  position            integer      not null check (position >= 0),
  kind                varchar(10)  not null check (kind in ('STATUS', 'ZONE')),
  participant_code    varchar(8)   not null,
  change_type         varchar(30),
  zone                varchar(200),
  registry_record_id  bigint       not null,
  primary key (decision_id, position),
  constraint governance_decision_order_what check (
    (kind = 'STATUS' and change_type is not null and zone is null)
    or (kind = 'ZONE' and zone is not null and change_type is null))
);
