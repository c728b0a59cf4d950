-- A meeting's decision "通报｜单位｜原因" (supervisors' review s54 V12): kind NOTICE, the reason in content, no 期限; the
-- campaign's next 通报 names the unit and records its key here (null while the unit waits for a 通报).
alter table meeting_decision alter column due_day drop not null;
alter table meeting_decision add column notice_key varchar(200);
