-- The languages a participant's KP certificates are printed in: English always, and French for
-- the participants that ask for it (the secretariat keeps this list). No row means English only.
-- No foreign key: the participants list is seeded after the migrations run.
create table participant_certificate_language (
  participant_code varchar(8)   primary key,
  french           boolean      not null,
  updated_at       timestamp with time zone not null,
  updated_by       varchar(200) not null
);

-- French-speaking participants (French an official or administrative language): the Democratic
-- Republic of the Congo, the Central African Republic, the Republic of the Congo, Côte d'Ivoire,
-- Cameroon, Gabon, Guinea, Mali and Togo.
insert into participant_certificate_language (participant_code, french, updated_at, updated_by)
values ('CD', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('CF', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('CG', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('CI', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('CM', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('GA', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('GN', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('ML', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration'),
       ('TG', true, timestamp with time zone '2026-01-01 00:00:00+00', 'migration');
