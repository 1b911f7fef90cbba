-- Custody: consumer traces. The organisation that holds a polished stone or a jewellery piece (or
-- sold it last) may publish its provenance trace under an opaque public id, for the page a retail
-- tag's QR code opens; withdrawing deletes the row. One publication per organisation and goods.
create table custody_public_trace (
  public_id        varchar(40)   primary key,
  epc              varchar(2000) not null,
  organisation_id  uuid          not null references organisation (id),
  published_at     timestamp with time zone not null,
  constraint custody_public_trace_once unique (organisation_id, epc)
);
