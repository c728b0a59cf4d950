-- A handling process's files (审阅办理结果's links, a town's own 工作交办 page for the district's work it handled,
-- szreview-s60 S1) are read by process_instance_id, not only by the 工作交办 they belong to.
create index idx_work_assignment_attachment_process on work_assignment_attachment (process_instance_id);
