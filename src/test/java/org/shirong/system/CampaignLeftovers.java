package org.shirong.system;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each class on the shared context ({@link SharesSpringContext}): the campaigns it left running are withdrawn, as
 * 撤销活动 does (their processes ended, their record marked CANCELLED), so that a later class may start a campaign of the
 * same template in the same days: one running campaign of a template refuses another that overlaps it.
 */
public class CampaignLeftovers implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        JdbcTemplate jdbc = spring.getBean(JdbcTemplate.class);
        RuntimeService runtimeService = spring.getBean(RuntimeService.class);
        withdraw(jdbc, runtimeService);
    }

    /** Withdraws every running campaign. */
    public static void withdraw(JdbcTemplate jdbc, RuntimeService runtimeService) {
        List<String> running = jdbc.queryForList("select code from campaign where status = 'RUNNING'", String.class);
        for (String code : running) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                    .processDefinitionKeyIn("CampaignProcess", "CampaignTaskProcess", "JointMeetingProcess").list()
                    .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "测试结束", true, true, true, false));
            jdbc.update("update campaign set status = 'CANCELLED', cancel_reason = '测试结束' where code = ? and status = 'RUNNING'", code);
        }
    }
}
