-- The drill-down of a sweep line (the collections it transferred) reads allocations by sweep line;
-- partial, so allocations not swept yet (and the sweep's own update of them) cost no entry until then.
create index allocation_sweep_line_idx on allocation (sweep_line_id) where sweep_line_id is not null;
