-- Statistics across nodes (docs/federation.md, "Statistics across nodes"): the signed statistics
-- documents this node made for the participants it serves (every version kept; each is committed
-- to the log), the documents the secretariat's node took from other nodes once verified, and the
-- state of fetching them from each node.

create table federation_statistics_document (
  participant  varchar(8)    not null,
  period_year  integer       not null,
  version      integer       not null check (version >= 1),
  figures_hash varchar(80)   not null,
  jws          text          not null,
  entry_id     uuid          not null,
  issued_at    timestamp with time zone not null,
  primary key (participant, period_year, version)
);

create table federation_statistics_held (
  participant     varchar(8)    not null,
  period_year     integer       not null,
  version         integer       not null check (version >= 1),
  from_node       varchar(40)   not null,
  jws             text          not null,
  record          text          not null,
  proof           text          not null,
  checkpoint_size bigint        not null,
  received_at     timestamp with time zone not null,
  primary key (participant, period_year, version)
);

create table federation_statistics_source (
  node_id          varchar(40)   primary key,
  last_attempt_at  timestamp with time zone not null,
  last_success_at  timestamp with time zone,
  documents        integer       not null default 0,
  last_error       varchar(1000)
);
