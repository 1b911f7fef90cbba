-- Federation, directory and certificate exchange (docs/federation.md): the signed directories this
-- node accepted (the newest is the one it goes by; none is ever replaced by an older one), the
-- outbox of deliveries to other nodes, and the certificates other nodes delivered here.

create table federation_directory (
  version      bigint        primary key check (version >= 1),
  jws          text          not null,
  issued_at    timestamp with time zone not null,
  accepted_at  timestamp with time zone not null
);

-- One delivery per certificate and kind, written after the certificate's change committed (from the
-- event publication registry, which holds the change's event in its transaction) and retried with
-- backoff until the importing node accepts it.
create table federation_outbox (
  id               uuid          primary key,
  number           varchar(40)   not null,
  kind             varchar(10)   not null check (kind in ('ISSUED', 'CANCELLED')),
  issuing_participant   varchar(8)  not null,
  importing_participant varchar(8)  not null,
  created_at       timestamp with time zone not null,
  attempts         integer       not null default 0,
  next_attempt_at  timestamp with time zone not null,
  target_node      varchar(40),
  delivered_at     timestamp with time zone,
  last_error       varchar(1000),
  constraint federation_outbox_once unique (number, kind)
);
create index federation_outbox_due on federation_outbox (delivered_at, next_attempt_at);

-- Certificates delivered by other nodes, verified, one row per certificate.
create table federation_incoming (
  number                varchar(40)   primary key,
  from_node             varchar(40)   not null,
  issuing_participant   varchar(8)    not null,
  importing_participant varchar(8)    not null,
  status                varchar(10)   not null check (status in ('ISSUED', 'CANCELLED')),
  record                text          not null,
  proof                 text          not null,
  received_at           timestamp with time zone not null,
  changed_at            timestamp with time zone not null
);
create index federation_incoming_by_importer on federation_incoming (importing_participant, received_at);

-- Every delivery accepted, by its id: a delivery sent again is answered alike and changes nothing.
create table federation_received (
  id           uuid          primary key,
  number       varchar(40)   not null,
  kind         varchar(10)   not null,
  from_node    varchar(40)   not null,
  received_at  timestamp with time zone not null
);
