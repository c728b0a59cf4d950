-- 启动指纹：上次完整同步（部署检查、组织机构同步）时流程与表单文件、组织机构文件、已部署的部署、程序版本和 shirong.*
-- 设置的摘要。再次启动时摘要相同就不再逐项检查，只确保管理员并刷新到期过滤器；经引擎更改用户、组、授权或删除过滤器
-- 时删除此行，下次启动即完整同步。Owned by system (StartupFingerprints).
create table startup_fingerprint (
    name        varchar(64)  not null primary key,
    fingerprint varchar(128) not null,
    stored_at   timestamp    not null
);
