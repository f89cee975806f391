-- Finding a case by a member's phone (a family calls a country office) without storing the number readable: a keyed
-- hash (HMAC-SHA256 under a key derived from the encryption key named in lookup_key_id) of the member's phone and
-- WhatsApp numbers. Rows written before this migration have no index yet (lookup_key_id null); the re-encryption
-- run adds it, and recomputes it under the active key after a key rotation.
alter table family_member add column phone_index char(64), add column whatsapp_index char(64),
    add column lookup_key_id varchar(32);
create index ix_family_member_phone_index on family_member (phone_index) where phone_index is not null;
create index ix_family_member_whatsapp_index on family_member (whatsapp_index) where whatsapp_index is not null;
