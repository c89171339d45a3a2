-- The sweep (nivellement) of the dedicated accounts: each run, and per account what was transferred to
-- the factor, once per account and business date.
alter table outgoing_transfer drop constraint outgoing_transfer_purpose_check;
alter table outgoing_transfer add constraint outgoing_transfer_purpose_check
    check (purpose in ('WITHDRAWAL', 'PAYOUT', 'SWEEP'));

create table sweep_run
(
    id              uuid primary key,
    business_date   date                     not null,
    trigger         varchar(10)              not null check (trigger in ('SCHEDULE', 'MANUAL')),
    started_at      timestamp with time zone not null,
    started_by      varchar(100)             not null,
    instance        varchar(200)             not null,
    finished_at     timestamp with time zone,
    status          varchar(10)              not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    accounts_swept  int                      not null default 0,
    accounts_failed int                      not null default 0,
    accounts_skipped int                     not null default 0,
    total_swept     numeric(19, 2)           not null default 0,
    detail          varchar(1000)
);
create index sweep_run_started_idx on sweep_run (started_at desc);

create table sweep_line
(
    id                   uuid primary key,
    run_id               uuid                     not null references sweep_run (id),
    dedicated_account_id uuid                     not null references dedicated_account (id),
    company_id           uuid                     not null references company (id),
    business_date        date                     not null,
    status               varchar(8)               not null check (status in ('SWEPT', 'FAILED')),
    amount               numeric(19, 2)           not null check (amount >= 0),
    invoices_settled     int                      not null,
    reserve_released     numeric(19, 2)           not null,
    transfer_id          uuid references outgoing_transfer (id),
    error                varchar(1000),
    recorded_at          timestamp with time zone not null,
    check ((status = 'SWEPT') = (transfer_id is not null)),
    check (status <> 'FAILED' or error is not null)
);
-- an account is swept once per business date, whichever instance or run gets there first
create unique index sweep_line_once_uq on sweep_line (dedicated_account_id, business_date) where status = 'SWEPT';
create index sweep_line_run_idx on sweep_line (run_id);
