-- Append-only audit trail: who did what, when (UTC) and from where.
create table audit_event
(
    id          bigint generated always as identity primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(100)             not null,
    action      varchar(60)              not null,
    entity_type varchar(60),
    entity_id   varchar(100),
    summary     varchar(2000),
    source_ip   varchar(45)
);
create index audit_event_occurred_at_idx on audit_event (occurred_at desc, id desc);
create index audit_event_actor_idx on audit_event (lower(actor), occurred_at desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);

-- The application connects as the table's owner (a superuser on development machines), so
-- privileges alone cannot stop it: triggers refuse any change to a written row.
create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
