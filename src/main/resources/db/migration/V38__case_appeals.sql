-- 考核申诉：牵头单位对一件案件的一项扣分（超期、返工、回退）提出的申诉及办公室的审核结果。核准的申诉使考核
-- 不再计这项扣分，案件本身的记录（超期、返工次数、回退次数）不变。与提出申诉、审核申诉在同一引擎事务中写入。
-- 申诉只涵盖提出时已有的扣分：超期申诉涵盖当时的整改期限（covered_due_at，期限此后改变则不再适用），返工申诉
-- 涵盖当时的返工次数（covered_reworks），回退申诉涵盖提出前的回退。同一案件同一扣分项在上一次申诉审核前不能
-- 再提；审核后只有出现它未涵盖的扣分（新的期限又超期、又返工、又回退）才能再申诉（seq 为第几次）。
create table rect_case_appeal (
    case_no             varchar(32)    not null,
    deduction           varchar(16)    not null,
    unit_id             varchar(64)    not null,
    reason              varchar(2000)  not null,
    requested_by        varchar(64),
    requested_at        timestamp      not null,
    process_instance_id varchar(64),
    approved            boolean,
    decided_by          varchar(64),
    decided_at          timestamp,
    opinion             varchar(2000),
    covered_due_at      timestamp,
    covered_reworks     integer,
    seq                 integer        not null,
    primary key (case_no, deduction, seq)
);
