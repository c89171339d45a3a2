-- Bank statements of the dedicated accounts (camt.053, CFONB 120) and the lettrage of their receipts.
-- A file is imported once (its SHA-256); an entry once per account and bank reference (or the
-- documented fallback key); money received is posted to the suspense portion, then allocated.
create table statement_import
(
    id              uuid primary key,
    file_name       varchar(200)             not null,
    file_sha256     varchar(64)              not null unique,
    format          varchar(20)              not null check (format in ('CAMT_053_001_02', 'CAMT_053_001_08', 'CFONB_120')),
    message_id      varchar(100),
    source          varchar(10)              not null check (source in ('UPLOAD', 'INBOX')),
    statement_count int                      not null,
    entry_count     int                      not null,
    new_entry_count int                      not null,
    imported_at     timestamp with time zone not null,
    imported_by     varchar(100)             not null
);
create index statement_import_imported_idx on statement_import (imported_at desc);

create table bank_statement
(
    id                   uuid primary key,
    import_id            uuid                     not null references statement_import (id),
    dedicated_account_id uuid                     not null references dedicated_account (id),
    company_id           uuid                     not null references company (id),
    statement_id         varchar(100)             not null,
    electronic_sequence  bigint,
    opening_balance      numeric(19, 2)           not null,
    opening_date         date                     not null,
    closing_balance      numeric(19, 2)           not null,
    closing_date         date                     not null,
    entry_count          int                      not null
);
create index bank_statement_import_idx on bank_statement (import_id);
create index bank_statement_account_idx on bank_statement (dedicated_account_id, closing_date desc);

create table statement_entry
(
    id                   uuid primary key,
    bank_statement_id    uuid                     not null references bank_statement (id),
    dedicated_account_id uuid                     not null references dedicated_account (id),
    company_id           uuid                     not null references company (id),
    entry_key            varchar(200)             not null, -- bank reference, else the fallback (docs/payments.md)
    position             int                      not null,
    direction            varchar(6)               not null check (direction in ('CREDIT', 'DEBIT')),
    amount               numeric(19, 2)           not null check (amount > 0),
    reversal             boolean                  not null,
    status               varchar(8)               not null check (status in ('BOOKED', 'PENDING', 'INFO')),
    booking_date         date                     not null,
    value_date           date                     not null,
    bank_reference       varchar(100),
    end_to_end_id        varchar(100),
    payer_name           varchar(140),
    payer_iban           varchar(34),
    payer_identifier     varchar(100),
    creditor_reference   varchar(100),
    referred_documents   varchar(1000)            not null,
    remittance_text      varchar(2000)            not null,
    bank_transaction_code varchar(50),
    return_reason        varchar(10),
    kind                 varchar(12)              not null
        check (kind in ('RECEIPT', 'OWN_TRANSFER', 'OTHER_DEBIT', 'NOT_BOOKED')),
    state                varchar(12)              not null
        check (state in ('SUSPENSE', 'PARTIAL', 'MATCHED', 'RETURNED', 'RECONCILED', 'TO_REVIEW', 'NOT_BOOKED')),
    unallocated          numeric(19, 2)           not null check (unallocated >= 0 and unallocated <= amount),
    receipt_entry_id     bigint references journal_entry (id), -- the money booked to suspense
    own_transfer_id      uuid references outgoing_transfer (id),
    imported_at          timestamp with time zone not null,
    version              bigint                   not null,
    unique (dedicated_account_id, entry_key),
    check ((kind = 'RECEIPT') = (receipt_entry_id is not null)),
    check (kind = 'RECEIPT' or unallocated = 0)
);
create index statement_entry_statement_idx on statement_entry (bank_statement_id, position);
create index statement_entry_suspense_idx on statement_entry (company_id, value_date) where unallocated > 0;

create table allocation
(
    id                 uuid primary key,
    statement_entry_id uuid                     not null references statement_entry (id),
    company_id         uuid                     not null references company (id),
    invoice_id         uuid references invoice (id),
    kind               varchar(20)              not null check (kind in ('COLLECTION', 'NON_ASSIGNED', 'RETURNED_TO_COMPANY')),
    amount             numeric(19, 2)           not null check (amount > 0),
    value_date         date                     not null,
    pass               varchar(30)              not null,
    score              numeric(3, 2)            not null check (score >= 0 and score <= 1),
    decided_by         varchar(100)             not null,
    decided_at         timestamp with time zone not null,
    journal_entry_id   bigint                   not null references journal_entry (id),
    sweep_line_id      uuid,
    check ((kind = 'RETURNED_TO_COMPANY') = (invoice_id is null))
);
create index allocation_entry_idx on allocation (statement_entry_id);
create index allocation_invoice_idx on allocation (invoice_id);
create index allocation_unswept_idx on allocation (company_id) where kind = 'COLLECTION' and sweep_line_id is null;
