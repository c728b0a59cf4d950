<#-- 工作交办退回重办（发给承办单位）。模型：title 交办事项、unitName 承办单位、returnCount 第几次退回、reviewComment 审阅意见、
     dueDay 重办期限（当天 17:00，如 2026-12-11）、officeName 本组织的办公室、link 打开重办任务的链接 -->
<#assign subject>【交办退回】${title!}</#assign>
${unitName!}：

你单位办理的交办事项“${title!}”经审阅退回重办（第 ${returnCount!"1"} 次），请按审阅意见重新办理，在期限前在任务列表中反馈办理结果。

审阅意见：${reviewComment!}
重办期限：<#attempt>${dueDay?date("yyyy-MM-dd")?string("yyyy年M月d日")} 17:00<#recover>${dueDay!}</#attempt>

打开重办任务：${link}
