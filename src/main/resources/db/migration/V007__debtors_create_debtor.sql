-- The customers (débiteurs) each company registers, with what the factor decides about them:
-- approval limit (agrément) and its expiry, blocking, optional credit insurance; and whether the
-- debtor has been notified of the assignment (C. civ. 1324).
create table debtor
(
    id                  uuid primary key,
    company_id          uuid                     not null references company (id),
    legal_name          varchar(200)             not null,
    siren               varchar(9)               not null,
    street              varchar(200)             not null,
    postal_code         varchar(10)              not null,
    city                varchar(100)             not null,
    country             varchar(2)               not null,
    email               varchar(254)             not null,
    currency            varchar(3)               not null check (currency = 'EUR'),
    approval_limit      numeric(19, 2) check (approval_limit >= 0),
    approval_expires_on date,
    blocked             boolean                  not null,
    blocked_reason      varchar(500),
    insurer             varchar(200),
    insured_limit       numeric(19, 2) check (insured_limit >= 0),
    insurance_cover     numeric(12, 8) check (insurance_cover > 0 and insurance_cover <= 1),
    notified_at         timestamp with time zone,
    registered_at       timestamp with time zone not null,
    version             bigint                   not null,
    unique (company_id, siren),
    check ((approval_limit is null) = (approval_expires_on is null)),
    check ((insurer is null) = (insured_limit is null) and (insurer is null) = (insurance_cover is null)),
    check (blocked or blocked_reason is null)
);
create index debtor_company_name_idx on debtor (company_id, lower(legal_name));
