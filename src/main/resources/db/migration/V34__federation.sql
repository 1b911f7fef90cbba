-- Federation: this node as a witness of its peers' logs (C2SP tlog-witness), the evidence of split
-- views, and the state of submitting this log's checkpoints to the peers' witnesses.

-- The latest checkpoint cosigned per peer log. Only ever advanced by a compare-and-swap on
-- (tree_size, root_hash), so two requests cannot both advance it from the same state.
create table federation_witnessed (
  origin       varchar(255)  primary key,
  tree_size    bigint        not null check (tree_size >= 0),
  root_hash    varchar(44)   not null,
  note         text          not null,
  cosigned_at  timestamp with time zone not null
);

-- Two signed views of one log that this witness cannot reconcile: what it had cosigned and what
-- the log presented afterwards, both kept as signed.
create table federation_split_view (
  id              uuid          primary key,
  origin          varchar(255)  not null,
  kind            varchar(30)   not null check (kind in ('CONFLICTING_ROOTS', 'FAILED_PROOF')),
  reason          varchar(1000) not null,
  cosigned_size   bigint        not null,
  cosigned_note   text          not null,
  presented_size  bigint        not null,
  presented_note  text          not null,
  detected_at     timestamp with time zone not null
);
create index federation_split_view_by_time on federation_split_view (detected_at, id);

-- The last attempt to have each peer's witness cosign this log's checkpoint.
create table federation_submission (
  witness         varchar(255)  primary key,
  operator        varchar(255)  not null,
  url             varchar(1000) not null,
  cosigned_size   bigint        not null,
  attempted_at    timestamp with time zone not null,
  succeeded_at    timestamp with time zone,
  error           varchar(1000)
);
