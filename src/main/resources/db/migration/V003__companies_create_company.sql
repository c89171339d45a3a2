-- The factor itself (one row), and its client companies (adhérents) with their contract terms.
create table factor_profile
(
    id          smallint primary key check (id = 1),
    legal_name  varchar(200) not null,
    siren       varchar(9)    not null,
    iban        varchar(34)  not null,
    bic         varchar(11)  not null,
    street      varchar(200) not null,
    postal_code varchar(10)  not null,
    city        varchar(100) not null,
    country     varchar(2)      not null,
    version     bigint       not null
);

create table company
(
    id                        uuid primary key,
    legal_name                varchar(200)             not null,
    siren                     varchar(9)                not null unique,
    street                    varchar(200)             not null,
    postal_code               varchar(10)              not null,
    city                      varchar(100)             not null,
    country                   varchar(2)                  not null,
    operating_iban            varchar(34)              not null,
    currency                  varchar(3)                  not null check (currency = 'EUR'),
    advance_rate              numeric(12, 8)           not null check (advance_rate > 0 and advance_rate <= 1),
    commission_rate           numeric(12, 8)           not null check (commission_rate >= 0 and commission_rate <= 0.1),
    per_invoice_fee           numeric(19, 2)           not null check (per_invoice_fee >= 0),
    fee_vat_rate              numeric(12, 8)           not null check (fee_vat_rate >= 0 and fee_vat_rate <= 1),
    financing_margin          numeric(12, 8)           not null check (financing_margin >= 0 and financing_margin <= 0.2),
    facility_limit            numeric(19, 2)           not null check (facility_limit > 0),
    concentration_limit       numeric(12, 8)           not null check (concentration_limit > 0 and concentration_limit <= 1),
    defunding_days            int                      not null check (defunding_days between 0 and 365),
    max_term_days             int                      not null check (max_term_days between 1 and 365),
    four_eyes_threshold       numeric(19, 2)           not null check (four_eyes_threshold >= 0),
    auto_payout               boolean                  not null,
    onboarded_at              timestamp with time zone not null,
    version                   bigint                   not null
);
create index company_legal_name_idx on company (lower(legal_name));
