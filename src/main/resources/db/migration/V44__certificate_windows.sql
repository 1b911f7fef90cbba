-- The diligence checks read, for every certificate issued, a participant's own-origin exports of
-- the year and the one before (DD-02), and the certificates a company imported or a participant
-- received in the twelve months before (DD-04, DD-05). Without these indexes each read walked every
-- certificate of the period, so checking one certificate grew with the number of certificates.
create index kp_certificate_by_participant_day on kp_certificate (issuing_participant, issued_on);
create index kp_certificate_by_importer_day on kp_certificate (importer, issued_on);
create index kp_certificate_by_importing_day on kp_certificate (importing_participant, issued_on);
