<#-- 列入通报名单（超期达到通报标准，发给领导小组的组长、副组长和牵头单位负责人）。模型同 case-dispatched；leadingName 本组织的领导小组；
     link 是案件页（组长在任务列表中没有这件案件的任务，jtreview-s59 T7） -->
<#assign subject>【列入通报名单】${caseNo} ${leadUnitName}</#assign>
${leadingName}、${leadUnitName}：

整改案件 ${caseNo} 超期已达到通报标准，已列入通报名单，请领导小组知悉并督促整改；${leadUnitName}请抓紧整改。

问题：${title}
地点：${address}
牵头单位：${leadUnitName}
原整改期限：${due}

查看案件（办理经过、整改期限和督办情况）：${link}
