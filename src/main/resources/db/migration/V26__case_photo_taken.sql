-- When and where an evidence photo was taken, as the phone's camera wrote it into the photo (EXIF DateTimeOriginal,
-- GPS), read in the browser before the photo is made smaller. taken_at is the camera's own clock time (EXIF carries
-- no time zone); all three stay empty when the photo carries none. Owned by the rectification package.
alter table rect_case_photo add column taken_at timestamp;
alter table rect_case_photo add column latitude double precision;
alter table rect_case_photo add column longitude double precision;
