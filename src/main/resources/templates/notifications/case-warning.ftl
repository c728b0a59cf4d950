<#-- 黄灯提醒（整改时限已用去 80%，发给牵头单位）。模型同 case-dispatched -->
<#assign subject>【黄灯提醒】${caseNo} 将于 ${due} 到期</#assign>
${leadUnitName}：

你单位牵头的整改案件 ${caseNo} 时限已用去大部分，将于 ${due} 到期，请抓紧整改并提交核查；确需延期的请在期限前提出申请。

问题：${title}
地点：${address}

打开任务列表：${link}
