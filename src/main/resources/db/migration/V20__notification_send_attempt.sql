-- At most one message per outbox row: before an e-mail or webhook message is handed over, its row
-- is marked SENDING with the time (send_started_at) in a transaction of its own. A delivery that
-- finds the row still SENDING (the node died between the server accepting the message and the
-- commit of DELIVERED) does not send again; it records the row as UNCONFIRMED (发送结果未确认).
alter table notification_outbox add column send_started_at timestamp;
