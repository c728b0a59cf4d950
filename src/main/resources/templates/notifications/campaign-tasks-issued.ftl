<#-- 活动任务下达（发给承办单位；一次下达给同一单位的任务只发一条）。模型：leadUnitName 承办单位、campaignName 活动名称、
     occasion 下达的缘由（如“前期准备”阶段开始，可无）、taskCount 任务数、tasks 任务清单（每项 name 任务名称、requirement 要求、due 期限）、link 任务列表链接 -->
<#assign subject><#if taskCount == "1">【任务下达】${tasks[0].name}（${campaignName}）<#else>【任务下达】${campaignName}<#if occasion??>${occasion}</#if>，向你单位下达 ${taskCount} 项任务</#if></#assign>
${leadUnitName}：

<#if occasion??>${campaignName}${occasion}，<#else>${campaignName}</#if>向你单位下达以下<#if taskCount != "1"> ${taskCount} 项</#if>任务，请在期限前在任务列表中办理并填写办理情况：
<#list tasks as t>

<#if taskCount != "1">${t?counter}. </#if>${t.name}
   期限：${t.due}
<#if t.requirement?has_content>
   要求：${t.requirement?replace("\n", "\n   ")}
</#if>
</#list>

打开任务列表：${link}
