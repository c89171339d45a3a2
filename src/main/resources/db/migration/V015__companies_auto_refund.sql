-- Contract option: pay out the reserve released by collections after each sweep (defaults to the
-- auto-payout choice, as the terms did before the option existed).
alter table company add column auto_refund boolean;
update company set auto_refund = auto_payout;
alter table company alter column auto_refund set not null;
