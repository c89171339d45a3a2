-- Disputes (litiges) on purchased invoices: the disputed amount is not financed while the dispute
-- is open; it ends by payment, by a credit note, or is withdrawn.
create table dispute
(
    id             uuid primary key,
    invoice_id     uuid                     not null references invoice (id),
    company_id     uuid                     not null references company (id),
    amount         numeric(19, 2)           not null check (amount > 0),
    currency       varchar(3)               not null check (currency = 'EUR'),
    reason         varchar(1000)            not null,
    status         varchar(20)              not null check (status in ('OPEN', 'ENDED_BY_PAYMENT', 'ENDED_BY_CREDIT_NOTE', 'WITHDRAWN')),
    declared_by    varchar(100)             not null,
    declared_at    timestamp with time zone not null,
    ended_by       varchar(100),
    ended_at       timestamp with time zone,
    end_note       varchar(1000),
    credit_note_id uuid references invoice (id),
    version        bigint                   not null,
    check ((status = 'OPEN') = (ended_at is null)),
    check ((status = 'ENDED_BY_CREDIT_NOTE') = (credit_note_id is not null))
);
-- one open dispute per invoice at a time
create unique index dispute_open_uq on dispute (invoice_id) where status = 'OPEN';
create index dispute_company_idx on dispute (company_id, status);
