-- Example queries over bantin's tables by name: in `bin/bantin sql`, or in a
-- notebook after vn.bantin.query.NamedTables.register(spark, warehouse, false).

-- The April 2021 bulletin of the Thái Bình centre, every figure and printed percent.
SELECT *
FROM gold.bulletin
WHERE publisher_code = '000.00.54.H54' AND period = '2021-04';

-- On-time resolution by month: the share resolved before or on the deadline.
SELECT period, resolved, resolved_early + resolved_on_time AS in_time,
       round(100 * (resolved_early + resolved_on_time) / resolved, 2) AS pct_in_time
FROM gold.bulletin
WHERE period_kind = 'month' AND resolved > 0
ORDER BY period;

-- Departments with overdue dossiers at the end of each quarter.
SELECT period, unit_code, pending_overdue, pending
FROM gold.bulletin_by_department
WHERE period_kind = 'quarter' AND pending_overdue > 0
ORDER BY period, pending_overdue DESC;

-- Why records were quarantined, per extract file.
SELECT source_file, reason, count(*) AS records
FROM cleaned.quarantine
GROUP BY source_file, reason
ORDER BY source_file, reason;

-- A published figure as it was: Delta time travel to the version the bulletin was built from.
-- gold.bulletin is a view of the version the last completed build published; gold_history
-- names every version (gold.builds.outputs says which version each build published).
SELECT carried_over, received_new, resolved
FROM gold_history.bulletin VERSION AS OF 0
WHERE publisher_code = '000.00.54.H54' AND period = '2021-04';
