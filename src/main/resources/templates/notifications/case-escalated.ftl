<#-- 列入通报名单（超期达到通报标准，发给领导小组的组长、副组长和牵头单位负责人）。模型同 case-dispatched；leadingName 本组织的领导小组 -->
<#assign subject>【列入通报名单】${caseNo} ${leadUnitName}</#assign>
${leadingName}、${leadUnitName}：

整改案件 ${caseNo} 超期已达到通报标准，已列入通报名单，请审阅；${leadUnitName}请抓紧整改。

问题：${title}
地点：${address}
牵头单位：${leadUnitName}
原整改期限：${due}

打开任务列表：${link}
