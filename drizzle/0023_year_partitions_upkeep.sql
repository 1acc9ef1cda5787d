-- A year's partitions are no longer made by a trigger on periods inside the write that stores its first
-- period: that DDL ran in ordinary saves, and ten operators saving the first months of a new year at
-- once deadlocked on the partitions' locks (PostgreSQL, 500s). The partitions of the years in use, this
-- year and the next are now made at every start and by a daily upkeep (src/db/partitions.ts); a value of
-- a year without them waits in the DEFAULT partition until then.
DROP TRIGGER IF EXISTS year_partitions_periods_insert ON periods;
--> statement-breakpoint
DROP FUNCTION IF EXISTS year_partitions_on_periods();
