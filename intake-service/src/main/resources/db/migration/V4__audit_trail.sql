-- Reads of personal data are now in the audit trail (platform's audit_trail: client, token, source, outcome, hash
-- chain), which replaces this table. Its rows held the same references; no personal values are lost.
drop table personal_data_access;
