-- Each client company's dedicated bank account (modelled inside Cessio behind the bank port), the
-- transfers the modelled bank executed, and the receipts recorded on it.
create sequence dedicated_account_number_seq start with 1;

create table dedicated_account
(
    id         uuid primary key,
    company_id uuid                     not null unique references company (id),
    iban       varchar(34)              not null unique,
    bic        varchar(11)              not null,
    opened_at  timestamp with time zone not null,
    version    bigint                   not null
);

create table outgoing_transfer
(
    id                   uuid primary key,
    dedicated_account_id uuid                     not null references dedicated_account (id),
    purpose              varchar(20)              not null check (purpose in ('WITHDRAWAL')),
    request_key          varchar(100)             not null unique, -- one-time form token: a replay finds the first
    message_id           varchar(35)              not null unique,
    end_to_end_id        varchar(35)              not null unique,
    amount               numeric(19, 2)           not null check (amount > 0),
    currency             varchar(3)               not null,
    debtor_name          varchar(140)             not null,
    debtor_iban          varchar(34)              not null,
    debtor_bic           varchar(11)              not null,
    creditor_name        varchar(140)             not null,
    creditor_iban        varchar(34)              not null,
    creditor_city        varchar(100)             not null,
    creditor_country     varchar(2)               not null,
    remittance_info      varchar(140)             not null,
    execution_date       date                     not null,
    requested_at         timestamp with time zone not null,
    requested_by         varchar(100)             not null,
    journal_entry_id     bigint                   not null references journal_entry (id)
);
create index outgoing_transfer_account_idx on outgoing_transfer (dedicated_account_id, requested_at desc);
create index outgoing_transfer_requested_idx on outgoing_transfer (requested_at desc);

create table incoming_transfer
(
    id                   uuid primary key,
    dedicated_account_id uuid                     not null references dedicated_account (id),
    amount               numeric(19, 2)           not null check (amount > 0),
    currency             varchar(3)               not null,
    value_date           date                     not null,
    payer_name           varchar(140)             not null,
    payer_iban           varchar(34)              not null,
    remittance_info      varchar(140)             not null,
    recorded_at          timestamp with time zone not null,
    recorded_by          varchar(100)             not null,
    journal_entry_id     bigint                   not null references journal_entry (id)
);
create index incoming_transfer_account_idx on incoming_transfer (dedicated_account_id, recorded_at desc);
create index incoming_transfer_recorded_idx on incoming_transfer (recorded_at desc);
