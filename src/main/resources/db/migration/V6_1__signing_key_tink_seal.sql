-- Registry: private seeds are sealed with Google Tink's AEAD (AES-256-GCM) under the master key,
-- the IV inside the sealed bytes (IV || ciphertext || tag, 60 bytes for a 32-byte seed) and the
-- purpose and key id as associated data. seal_format tells the two formats apart:
--   1  before Tink: 48 bytes of ciphertext and tag, the 12-byte IV in nonce, the key id as
--      associated data (re-sealed as format 2 on the next start);
--   2  Tink AEAD, nonce null.
alter table signing_key add column seal_format smallint not null default 1;
alter table signing_key alter column nonce drop not null;
alter table signing_key drop constraint signing_key_sizes;
alter table signing_key add constraint signing_key_sizes check (
  octet_length(public_key) = 32
  and ((seal_format = 1 and octet_length(sealed_seed) = 48 and octet_length(nonce) = 12)
    or (seal_format = 2 and octet_length(sealed_seed) = 60 and nonce is null)));
