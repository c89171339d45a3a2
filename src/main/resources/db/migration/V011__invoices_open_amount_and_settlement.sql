-- What remains to be paid on each purchased invoice (and to be used of each credit note): the amount
-- incl. VAT less its settlements, which are append-only rows (a payment matched by the lettrage, or a
-- credit note set against the invoice). An invoice fully paid is SETTLED.
alter table invoice add column open_amount numeric(19, 2);
update invoice set open_amount = amount_incl_vat;
alter table invoice alter column open_amount set not null;
alter table invoice add constraint invoice_open_amount_check check (open_amount >= 0 and open_amount <= amount_incl_vat);

alter table invoice drop constraint invoice_status_check;
alter table invoice add constraint invoice_status_check
    check (status in ('OPEN', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PURCHASED', 'SETTLED'));
alter table invoice add constraint invoice_settled_check check (status <> 'SETTLED' or open_amount = 0);
create index invoice_open_purchased_idx on invoice (company_id, due_date) where status = 'PURCHASED';

create table invoice_settlement
(
    id          uuid primary key,
    invoice_id  uuid                     not null references invoice (id),
    company_id  uuid                     not null references company (id),
    kind        varchar(12)              not null check (kind in ('PAYMENT', 'CREDIT_NOTE')),
    amount      numeric(19, 2)           not null check (amount > 0),
    value_date  date                     not null,
    source_ref  varchar(100)             not null, -- the allocation, or the credit note set against it
    recorded_at timestamp with time zone not null,
    recorded_by varchar(100)             not null,
    unique (invoice_id, source_ref)
);
create index invoice_settlement_company_idx on invoice_settlement (company_id, value_date);
