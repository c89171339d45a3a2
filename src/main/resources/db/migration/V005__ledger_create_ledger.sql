-- The double-entry ledger. Entries and postings are append-only; balances derive from postings
-- and are cached on ledger_account (updated in the posting's transaction, under a row lock).

create table ledger_account
(
    id             bigint generated always as identity primary key,
    code           varchar(40)              not null,
    counterparty   varchar(100)             not null, -- opaque sub-ledger key ('' for the factor's own accounts)
    type           varchar(10)              not null check (type in ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    currency       varchar(3)               not null,
    never_negative boolean                  not null,
    balance        numeric(19, 2)           not null default 0, -- cache: sum of debits minus sum of credits
    version        bigint                   not null default 0,
    opened_at      timestamp with time zone not null,
    unique (code, counterparty, currency),
    -- an account that may not go negative (a portion of a bank account) cannot, whatever the code does
    constraint ledger_account_never_negative check (
        not never_negative
            or (type in ('ASSET', 'EXPENSE') and balance >= 0)
            or (type in ('LIABILITY', 'EQUITY', 'INCOME') and balance <= 0))
);

create table journal_entry
(
    id                bigint generated always as identity primary key,
    source_type       varchar(40)              not null,
    source_ref        varchar(100)             not null,
    effective_date    date                     not null,
    recorded_at       timestamp with time zone not null,
    description       varchar(500)             not null,
    reverses_entry_id bigint unique references journal_entry (id),
    constraint journal_entry_idempotency_key unique (source_type, source_ref)
);
create index journal_entry_effective_date_idx on journal_entry (effective_date, id);

create table posting
(
    id         bigint generated always as identity primary key,
    entry_id   bigint         not null references journal_entry (id),
    account_id bigint         not null references ledger_account (id),
    side       varchar(1)     not null check (side in ('D', 'C')),
    amount     numeric(19, 2) not null check (amount > 0),
    currency   varchar(3)     not null
);
create index posting_entry_idx on posting (entry_id);
create index posting_account_idx on posting (account_id, entry_id);

-- Append-only: corrections are reversing entries, never edits.
create function ledger_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function ledger_is_append_only();
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function ledger_is_append_only();
create trigger posting_append_only before update or delete on posting
    for each row execute function ledger_is_append_only();
create trigger posting_no_truncate before truncate on posting
    for each statement execute function ledger_is_append_only();

-- At commit, every entry that received postings has at least two and balances per currency.
create function journal_entry_must_balance() returns trigger
    language plpgsql as
$$
declare
    postings int;
begin
    select count(*) into postings from posting where entry_id = new.entry_id;
    if postings < 2 then
        raise exception 'journal entry % has % posting(s); at least two are needed', new.entry_id, postings
            using errcode = 'check_violation';
    end if;
    if exists (select 1 from posting where entry_id = new.entry_id group by currency
               having sum(case side when 'D' then amount else -amount end) <> 0) then
        raise exception 'journal entry % does not balance', new.entry_id using errcode = 'check_violation';
    end if;
    return null;
end;
$$;
create constraint trigger posting_entry_balances after insert on posting
    deferrable initially deferred
    for each row execute function journal_entry_must_balance();

-- What the invariant check reports; an empty result means the books are sound.
create view ledger_invariant_violation as
select 'UNBALANCED_ENTRY' as kind, p.entry_id::text as ref,
       sum(case p.side when 'D' then p.amount else -p.amount end) as amount
from posting p
group by p.entry_id, p.currency
having sum(case p.side when 'D' then p.amount else -p.amount end) <> 0
union all
select 'ENTRY_WITHOUT_TWO_POSTINGS', e.id::text, count(p.id)::numeric
from journal_entry e
         left join posting p on p.entry_id = e.id
group by e.id
having count(p.id) < 2
union all
select 'TRIAL_BALANCE_NOT_ZERO', p.currency, sum(case p.side when 'D' then p.amount else -p.amount end)
from posting p
group by p.currency
having sum(case p.side when 'D' then p.amount else -p.amount end) <> 0
union all
select 'CACHED_BALANCE_MISMATCH', a.code || '/' || a.counterparty, a.balance - coalesce(s.total, 0)
from ledger_account a
         left join (select account_id, sum(case side when 'D' then amount else -amount end) as total
                    from posting
                    group by account_id) s on s.account_id = a.id
where a.balance <> coalesce(s.total, 0)
union all
select 'NEGATIVE_ACCOUNT', a.code || '/' || a.counterparty, a.balance
from ledger_account a
where a.never_negative
  and ((a.type in ('ASSET', 'EXPENSE') and a.balance < 0) or (a.type not in ('ASSET', 'EXPENSE') and a.balance > 0))
union all
-- the dedicated account's modelled bank balance equals the sum of its three portions
select 'DEDICATED_ACCOUNT_PORTIONS_MISMATCH', cash.counterparty, cash.balance + coalesce(portions.total, 0)
from ledger_account cash
         left join (select counterparty, currency, sum(balance) as total
                    from ledger_account
                    where code in ('DEDICATED_COMPANY_AVAILABLE', 'DEDICATED_FACTOR_COLLECTIONS', 'DEDICATED_UNIDENTIFIED')
                    group by counterparty, currency) portions
                   on portions.counterparty = cash.counterparty and portions.currency = cash.currency
where cash.code = 'DEDICATED_CASH'
  and cash.balance + coalesce(portions.total, 0) <> 0;
