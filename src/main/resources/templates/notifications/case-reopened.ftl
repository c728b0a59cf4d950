<#-- 已结案的案件被重新打开，请重新整改（发给牵头单位）。模型同 case-dispatched，另有 reason 重新打开的理由、reopenCount 第几次重新打开；handlerName 上一轮办理整改、仍在本单位的人员（任务已交给他，可为空）；officeName 本组织办公室 -->
<#assign subject>【案件重新打开】${caseNo} 请重新整改</#assign>
${leadUnitName}：

已结案的整改案件 ${caseNo} 问题复发或整改未保持，${officeName}已将其重新打开<#if reopenCount?has_content>（第 ${reopenCount} 次）</#if>，交回你单位重新整改，无需再认领，请在任务列表中直接整改并提交核查。<#if handlerName?has_content>整改任务已交给上一轮办理整改的${handlerName}，本单位其他人员也可在任务列表中查看和接手。</#if>

重新打开的理由：${reason}
问题：${title}
地点：${address}
新的整改期限：${due}

打开任务列表：${link}
