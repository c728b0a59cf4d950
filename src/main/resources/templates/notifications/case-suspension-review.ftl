<#-- 挂账案件已到复核日期（发给牵头单位和办公室）。模型同 case-dispatched，另有 reviewDate 复核日期（yyyy-MM-dd）、reason 挂账理由；link 为本案的页面 -->
<#assign subject>【挂账复核】${caseNo} 已到复核日期 ${reviewDate}</#assign>
${leadUnitName}、${officeName}：

整改案件 ${caseNo} 于挂账时约定 ${reviewDate} 复核，现已到期，案件仍在挂账。请牵头单位核实挂账原因是否已消除，能整改的及时在“恢复整改”任务中提交新的整改计划；办公室请复核是否继续挂账。

挂账理由：${reason}
问题：${title}
地点：${address}

查看本案：${link}
