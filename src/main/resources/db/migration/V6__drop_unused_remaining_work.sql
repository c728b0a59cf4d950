-- Suspension keeps its remaining time by shifting the case's instants (see CaseDeadlines#resume);
-- this column was never filled.
alter table rect_case drop column remaining_work_ms;
