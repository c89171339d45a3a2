-- People who sign in: company users (bound to one company) and factor staff.
create table user_account
(
    id                  uuid primary key,
    username            varchar(100)             not null,
    display_name        varchar(200)             not null,
    email               varchar(254)             not null,
    password_hash       varchar(500)             not null,
    role                varchar(20)              not null check (role in ('COMPANY_USER', 'ANALYST', 'OPS', 'ADMIN')),
    company_id          uuid references company (id),
    active              boolean                  not null,
    failed_login_count  int                      not null default 0 check (failed_login_count >= 0),
    locked_until        timestamp with time zone,
    sessions_valid_from timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    version             bigint                   not null,
    constraint user_account_company_matches_role check ((role = 'COMPANY_USER') = (company_id is not null))
);
create unique index user_account_username_uq on user_account (lower(username));
create index user_account_company_idx on user_account (company_id);
