-- The unit a timeline step concerns (e.g. the unit that returned a case), so that scoring need not
-- read it out of the step's text.
alter table rect_case_event add column unit_id varchar(64);
