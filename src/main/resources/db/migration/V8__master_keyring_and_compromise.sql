-- Registry: master-key rotation and revocation with a compromise time.
--
-- master_key_id: the id of the master key (docs/security.md) that sealed sealed_seed, so that the
-- rows still sealed under an older key are found and re-sealed in the background, and a row sealed
-- only under a retired key is reported. Null for rows sealed before master keyrings: the server
-- re-seals them under its sealing key (which records the id) in its first round after start.
--
-- compromised_at: from when a revoked key's signatures are refused. Signatures shown to be older
-- still verify, marked signed-with-key-later-revoked (docs/certificates.md). Null on a revoked key
-- means since its creation: every signature refused, as revocations before this column were.
alter table signing_key add column master_key_id integer;
alter table signing_key add column compromised_at timestamp with time zone;
alter table signing_key add constraint signing_key_compromise check (
  compromised_at is null
  or (revoked_at is not null and compromised_at >= created_at and compromised_at <= revoked_at));
create index signing_key_by_master_key on signing_key (master_key_id);
