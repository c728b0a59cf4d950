-- 组织的文书：不属于任何活动的会议（临时会议）的通知和纪要，campaign_code 为空，organization 为召集会议的组织，
-- 凡能查看该组织的人都可查看和下载；reader_groups（逗号分隔的组 id）是另外可以查看的组：区的临时会议召集的镇（街道）办公室
-- 不能查看区的记录，却须看到会议通知和纪要。活动的文书照旧只有 campaign_code。
alter table campaign_document alter column campaign_code drop not null;
alter table campaign_document add column organization varchar(64);
alter table campaign_document add column reader_groups varchar(2000);
alter table campaign_document add constraint uq_campaign_document_org_key unique (organization, doc_key);
