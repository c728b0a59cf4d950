-- 撤销活动：发起有误的活动由办公室或领导小组撤销（status = 'CANCELLED'，ended_at 为撤销时间）。
-- 记录保留：谁撤销、为何撤销；活动的阶段、任务和已生成的文书、案件都不删除，未办结的任务记为 CANCELLED。
alter table campaign add column cancelled_by varchar(64);
alter table campaign add column cancel_reason varchar(500);
