-- Registry: Ed25519 signing keys of the KP authorities (certificates, status decisions) and the
-- platform's own trust-list key. The private seed is kept only sealed: AES-256-GCM under the
-- master key given at start-up, with the key id as associated data.
create table signing_key (
  kid               varchar(43)   primary key,
  purpose           varchar(20)   not null check (purpose in ('AUTHORITY', 'TRUST_LIST')),
  organisation_id   uuid          references organisation (id),
  participant_code  varchar(8)    references participant (code),
  public_key        bytea         not null,
  sealed_seed       bytea         not null,
  nonce             bytea         not null,
  -- Who the key is active for ('<organisation id>' or 'platform:trust-list') while it is the
  -- active key, null once retired or revoked: at most one active key per owner.
  active_owner      varchar(60),
  created_at        timestamp with time zone not null,
  retired_at        timestamp with time zone,
  revoked_at        timestamp with time zone,
  revocation_reason varchar(500),
  version           bigint        not null default 0,
  constraint signing_key_one_active unique (active_owner),
  constraint signing_key_owner check (
    (purpose = 'AUTHORITY' and organisation_id is not null and participant_code is not null)
    or (purpose = 'TRUST_LIST' and organisation_id is null and participant_code is null)),
  constraint signing_key_sizes check (
    octet_length(public_key) = 32 and octet_length(sealed_seed) = 48 and octet_length(nonce) = 12),
  constraint signing_key_revocation check ((revoked_at is null) = (revocation_reason is null)),
  constraint signing_key_active check (
    active_owner is null or (retired_at is null and revoked_at is null))
);
create index signing_key_by_organisation on signing_key (organisation_id, created_at);
