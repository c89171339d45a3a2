-- Funding: payouts into the dedicated accounts, end-of-day funds in use, the reference rate
-- (Euribor 3M) in force each day, monthly financing charges, and the history of job runs.

alter table outgoing_transfer drop constraint outgoing_transfer_purpose_check;
alter table outgoing_transfer add constraint outgoing_transfer_purpose_check check (purpose in ('WITHDRAWAL', 'PAYOUT'));

create table payout
(
    id               uuid primary key,
    company_id       uuid                     not null references company (id),
    kind             varchar(20)              not null check (kind in ('AFTER_PURCHASE', 'DRAW', 'RESERVE_REFUND')),
    amount           numeric(19, 2)           not null check (amount > 0),
    currency         varchar(3)               not null check (currency = 'EUR'),
    status           varchar(12)              not null check (status in ('PENDING', 'EXECUTED', 'CANCELLED')),
    request_key      varchar(100)             not null unique, -- a replayed request finds the first payout
    requested_at     timestamp with time zone not null,
    requested_by     varchar(100)             not null,
    deadline         timestamp with time zone not null,        -- the 24-hour SLA
    executed_at      timestamp with time zone,
    transfer_id      uuid references outgoing_transfer (id),
    end_to_end_id    varchar(35),
    cancel_reason    varchar(500),
    version          bigint                   not null,
    check ((status = 'EXECUTED') = (executed_at is not null and transfer_id is not null)),
    check (status <> 'CANCELLED' or cancel_reason is not null)
);
create index payout_pending_idx on payout (requested_at) where status = 'PENDING';
create index payout_company_idx on payout (company_id, requested_at desc);

create table reference_rate
(
    effective_from date primary key,
    rate           numeric(12, 8)           not null check (rate > -0.1 and rate < 0.5),
    recorded_at    timestamp with time zone not null,
    recorded_by    varchar(100)             not null
);

create table funds_in_use_eod
(
    company_id    uuid                     not null references company (id),
    business_date date                     not null,
    amount        numeric(19, 2)           not null,
    recorded_at   timestamp with time zone not null,
    primary key (company_id, business_date)
);

create table financing_charge
(
    company_id       uuid                     not null references company (id),
    month            date                     not null check (extract(day from month) = 1),
    amount           numeric(19, 2)           not null check (amount >= 0),
    days             int                      not null,
    interest_basis   numeric(24, 8)           not null, -- Σ max(FIU, 0) × (max(rate, 0) + margin) over the days
    journal_entry_id bigint references journal_entry (id),
    computed_at      timestamp with time zone not null,
    primary key (company_id, month),
    check ((amount > 0) = (journal_entry_id is not null))
);

create table job_run
(
    id          uuid primary key,
    job         varchar(40)              not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    status      varchar(10)              not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    items       int                      not null default 0,
    detail      varchar(1000),
    instance    varchar(100)             not null
);
create index job_run_started_idx on job_run (job, started_at desc);
