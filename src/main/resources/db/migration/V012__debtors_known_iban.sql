-- The accounts each debtor was seen paying from: learned when a person allocates a receipt, so that
-- the lettrage recognises the debtor next time.
create table debtor_known_iban
(
    debtor_id  uuid                     not null references debtor (id),
    iban       varchar(34)              not null,
    learned_at timestamp with time zone not null,
    learned_by varchar(100)             not null,
    primary key (debtor_id, iban)
);
create index debtor_known_iban_iban_idx on debtor_known_iban (iban);
