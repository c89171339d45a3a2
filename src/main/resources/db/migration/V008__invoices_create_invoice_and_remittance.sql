-- Invoices and credit notes a company enters or imports, the remittances (bordereaux) that assign
-- them to the factor, the analysts' decisions and the supporting documents.

-- ISO 11649 creditor reference: 'RF' + two check digits (mod 97, as for an IBAN) + a numeric body
-- ('RF' reads 2715); io.cessio.shared.CreditorReference computes the same.
create function rf_creditor_reference(digits text) returns varchar language sql immutable as
$$
select 'RF' || lpad((98 - ((digits || '271500')::numeric % 97))::text, 2, '0') || digits
$$;
create sequence invoice_reference_seq start with 1;
create sequence remittance_number_seq start with 1;

create table remittance
(
    id                 uuid primary key,
    company_id         uuid                     not null references company (id),
    number             varchar(20)              not null unique,
    status             varchar(30)              not null
        check (status in ('SUBMITTED', 'AWAITING_SECOND_ANALYST', 'PURCHASED', 'REJECTED')),
    invoice_count      int                      not null check (invoice_count >= 0),
    credit_note_count  int                      not null check (credit_note_count >= 0),
    total_invoices     numeric(19, 2)           not null check (total_invoices >= 0),
    total_credit_notes numeric(19, 2)           not null check (total_credit_notes >= 0),
    control_total      numeric(19, 2)           not null,
    currency           varchar(3)               not null check (currency = 'EUR'),
    submitted_at       timestamp with time zone not null,
    submitted_by       varchar(100)             not null,
    reviewed_by        varchar(100),
    reviewed_at        timestamp with time zone,
    second_analyst     varchar(100),
    second_analyst_at  timestamp with time zone,
    purchased_on       date,
    purchase_entry_id  bigint references journal_entry (id),
    commission         numeric(19, 2),
    invoice_fees       numeric(19, 2),
    vat_on_fees        numeric(19, 2),
    version            bigint                   not null,
    check (control_total = total_invoices - total_credit_notes),
    check (second_analyst is null or second_analyst <> reviewed_by),
    check ((status = 'PURCHASED') = (purchased_on is not null))
);
create index remittance_company_idx on remittance (company_id, submitted_at desc);
create index remittance_queue_idx on remittance (submitted_at) where status in ('SUBMITTED', 'AWAITING_SECOND_ANALYST');

create table invoice
(
    id                     uuid primary key,
    company_id             uuid                     not null references company (id),
    debtor_id              uuid                     not null references debtor (id),
    kind                   varchar(12)              not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    number                 varchar(50)              not null check (length(trim(number)) > 0),
    issue_date             date                     not null,
    due_date               date                     not null,
    amount_excl_vat        numeric(19, 2)           not null check (amount_excl_vat >= 0),
    vat_amount             numeric(19, 2)           not null check (vat_amount >= 0),
    amount_incl_vat        numeric(19, 2)           not null check (amount_incl_vat >= 0),
    currency               varchar(3)               not null check (currency = 'EUR'),
    status                 varchar(12)              not null
        check (status in ('OPEN', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PURCHASED')),
    source                 varchar(10)              not null check (source in ('FORM', 'CSV', 'EINVOICE')),
    einvoice_id            varchar(300),
    creditor_reference     varchar(25)              not null unique
        default rf_creditor_reference(lpad(nextval('invoice_reference_seq')::text, 12, '0')),
    remittance_id          uuid references remittance (id),
    import_id              uuid,
    decision_reason_code   varchar(40),
    decision_reason        varchar(1000),
    override_justification varchar(1000),
    failed_checks          varchar(500),
    decided_by             varchar(100),
    decided_at             timestamp with time zone,
    created_at             timestamp with time zone not null,
    created_by             varchar(100)             not null,
    version                bigint                   not null,
    check (amount_excl_vat + vat_amount = amount_incl_vat),
    check (due_date >= issue_date),
    check ((status = 'OPEN') = (remittance_id is null)),
    check (status <> 'REJECTED' or decision_reason is not null)
);
-- the same invoice cannot be entered twice while it is alive (a rejected one may be entered again)
create unique index invoice_number_uq on invoice (company_id, debtor_id, kind, number) where status <> 'REJECTED';
create unique index invoice_einvoice_uq on invoice (company_id, einvoice_id) where einvoice_id is not null and status <> 'REJECTED';
create index invoice_company_status_idx on invoice (company_id, status, due_date);
create index invoice_remittance_idx on invoice (remittance_id);
create index invoice_debtor_status_idx on invoice (debtor_id, status);

-- Supporting documents (purchase order, delivery note…), stored in the database.
create table invoice_attachment
(
    id           uuid primary key,
    invoice_id   uuid                     not null references invoice (id),
    company_id   uuid                     not null references company (id),
    file_name    varchar(200)             not null,
    content_type varchar(50)              not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes   int                      not null check (size_bytes > 0 and size_bytes <= 10485760),
    sha256       varchar(64)              not null,
    content      bytea                    not null,
    uploaded_at  timestamp with time zone not null,
    uploaded_by  varchar(100)             not null
);
create index invoice_attachment_invoice_idx on invoice_attachment (invoice_id);
