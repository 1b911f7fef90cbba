-- Participants' annual reports (docs/governance.md, "Annual reports"): the due date of each
-- reporting year as the secretariat set it, one draft per participant and year (the authority's
-- working copy), the submitted versions (never updated: a correction is a new version), their
-- attachments, and the Working Group on Monitoring's assessments with follow-up questions and the
-- participant's answers. No foreign key to participant: participants are seeded after migrations.

create table governance_report_due (
  reporting_year integer      primary key,
  due_on         date         not null,
  set_by         varchar(200) not null,
  set_at         timestamp with time zone not null
);

-- The draft. based_on: the version a correction started from (null for a first filing).
-- revision: optimistic locking of concurrent saves.
create table governance_report_draft (
  participant_code     varchar(2)     not null,
  reporting_year       integer        not null,
  based_on             integer,
  legislation          varchar(20000) not null,
  institutions         varchar(20000) not null,
  internal_controls    varchar(20000) not null,
  artisanal_production varchar(20000) not null,
  statistics           varchar(20000) not null,
  updated_at           timestamp with time zone not null,
  updated_by           varchar(200)   not null,
  revision             bigint         not null,
  primary key (participant_code, reporting_year)
);

-- A submitted version: immutable (the application has no update path for these rows), committed to
-- the transparency log (log_entry) as a private record of the submitting authority.
create table governance_report_version (
  id                   uuid           primary key,
  participant_code     varchar(2)     not null,
  reporting_year       integer        not null,
  version              integer        not null,
  supersedes           integer,
  legislation          varchar(20000) not null,
  institutions         varchar(20000) not null,
  internal_controls    varchar(20000) not null,
  artisanal_production varchar(20000) not null,
  statistics           varchar(20000) not null,
  organisation_id      uuid           not null,
  submitted_at         timestamp with time zone not null,
  submitted_by         varchar(200)   not null,
  log_entry            uuid           not null,
  constraint governance_report_version_once unique (participant_code, reporting_year, version)
);

-- An attached file: its bytes are never changed; the draft and each version link to the files
-- they hold (a correction starts with the links of the version it corrects).
create table governance_report_attachment (
  id               uuid         primary key,
  participant_code varchar(2)   not null,
  reporting_year   integer      not null,
  file_name        varchar(200) not null,
  media_type       varchar(40)  not null,
  size_bytes       bigint       not null,
  sha256           varchar(64)  not null,
  content          bytea        not null,
  added_at         timestamp with time zone not null,
  added_by         varchar(200) not null
);

create table governance_report_draft_attachment (
  participant_code varchar(2) not null,
  reporting_year   integer    not null,
  attachment_id    uuid       not null references governance_report_attachment (id),
  primary key (participant_code, reporting_year, attachment_id)
);

create table governance_report_version_attachment (
  version_id    uuid not null references governance_report_version (id),
  attachment_id uuid not null references governance_report_attachment (id),
  primary key (version_id, attachment_id)
);

-- The WGM's assessment of a version, and its follow-up questions with the participant's answers.
create table governance_report_assessment (
  id                uuid           primary key,
  version_id        uuid           not null references governance_report_version (id),
  assessment        varchar(10000) not null,
  organisation_id   uuid           not null,
  organisation_name varchar(300)   not null,
  assessed_by       varchar(200)   not null,
  assessed_at       timestamp with time zone not null
);
create index governance_report_assessment_by_version on governance_report_assessment (version_id);

create table governance_report_question (
  id            uuid           primary key,
  assessment_id uuid           not null references governance_report_assessment (id),
  position      integer        not null,
  question      varchar(2000)  not null,
  answer        varchar(10000),
  answered_by   varchar(200),
  answered_at   timestamp with time zone,
  constraint governance_report_question_order unique (assessment_id, position)
);
