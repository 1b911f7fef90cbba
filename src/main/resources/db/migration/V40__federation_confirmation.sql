-- Federation, confirmations travelling back (docs/federation.md): the importing node's outbox also
-- holds CONFIRMED deliveries (the importing authority's signed confirmation, sent back to the
-- exporting node), and an incoming certificate can be CONFIRMED, with the date of receipt and the
-- signed confirmation as this node committed it. The check constraints of V38 carry no name, so
-- both tables are made again with the wider checks and their rows copied over.

drop index federation_outbox_due;
alter table federation_outbox drop constraint federation_outbox_once;
alter table federation_outbox rename to federation_outbox_v38;

create table federation_outbox (
  id               uuid          primary key,
  number           varchar(40)   not null,
  kind             varchar(10)   not null check (kind in ('ISSUED', 'CANCELLED', 'CONFIRMED')),
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

insert into federation_outbox (id, number, kind, issuing_participant, importing_participant,
  created_at, attempts, next_attempt_at, target_node, delivered_at, last_error)
select id, number, kind, issuing_participant, importing_participant, created_at, attempts,
  next_attempt_at, target_node, delivered_at, last_error
from federation_outbox_v38;

drop table federation_outbox_v38;

drop index federation_incoming_by_importer;
alter table federation_incoming rename to federation_incoming_v38;

create table federation_incoming (
  number                varchar(40)   primary key,
  from_node             varchar(40)   not null,
  issuing_participant   varchar(8)    not null,
  importing_participant varchar(8)    not null,
  status                varchar(10)   not null
                          check (status in ('ISSUED', 'CONFIRMED', 'CANCELLED')),
  record                text          not null,
  proof                 text          not null,
  received_at           timestamp with time zone not null,
  changed_at            timestamp with time zone not null,
  confirmed_on          date,
  confirmation          text
);
create index federation_incoming_by_importer on federation_incoming (importing_participant, received_at);

insert into federation_incoming (number, from_node, issuing_participant, importing_participant,
  status, record, proof, received_at, changed_at)
select number, from_node, issuing_participant, importing_participant, status, record, proof,
  received_at, changed_at
from federation_incoming_v38;

drop table federation_incoming_v38;
