package org.shirong.system;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.shirong.organization.CaseCooperators;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar shirong.jar --shirong.check-only} (poreview-s50 F19, s56 P1/P2): the start-up's checks of
 * {@code processes/}, {@code forms/} and the files under {@code config/} that start-up reads (organisations, categories,
 * dispatch tables, campaign templates, scoring rubrics, working calendars, zone settings), as start-up runs them, without
 * starting Shirong: no database, no process engine, no web server, nothing deployed. Every stage's problems come in one
 * list ({@link StartupRefusals}: a stage that fails does not stop the others, only what depends on it), with exit code
 * 1, or a line saying all is well and 0, so that a process owner can check edited files before the restart that would
 * otherwise take the whole installation down on a mistake. What only the process engine finds while deploying (its own
 * BPMN rules beyond the schema) still shows at the restart.
 */
public final class CheckOnly {

    public static final String SWITCH = "shirong.check-only";

    private CheckOnly() {
    }

    /** Whether the command line asks for the check only: {@code --shirong.check-only} or {@code --shirong.check-only=true}. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--" + SWITCH) || a.equals("--" + SWITCH + "=true"));
    }

    /** Runs the checks with the given command line (folders, active organisations …), writing to {@code out}; the exit code. */
    public static int run(String[] args, PrintStream out) {
        out.println("检查流程、表单文件（processes/、forms/）和 config/ 下的配置文件（组织机构、问题类别、派遣表、活动模板、考核评分细则、"
                + "工作日历、责任区设置），不启动 Shirong、不连接数据库……");
        StartupRefusals refusals = StartupRefusals.checking();
        try (refusals; ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN", "logging.level.org.springframework=ERROR",
                        // a refusal is printed once below, not also as Spring's "APPLICATION FAILED TO START"
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics=OFF")
                .run(args)) {
            ProcessResourceChecks.Checked checked = SharedBpmnReads.during(
                    () -> context.getBean(ProcessResourceChecks.class).check(historyTimeToLiveRequired(context.getEnvironment())));
            if (!checked.warnings().isEmpty()) {
                out.println("提示（不影响启动，建议修改）：\n  - " + String.join("\n  - ", checked.warnings()));
            }
            // the configuration files' refusals first, in start-up's order, then the process, form and table files'
            List<String> problems = new ArrayList<>(refusals.problems().stream().map(CheckOnly::listed).toList());
            problems.addAll(checked.problems());
            return report(problems, checked, out);
        } catch (RuntimeException e) {
            // what stopped the check: the problems found before it, then it
            StartupRefusedException refused = refused(e);
            List<String> problems = new ArrayList<>(refusals.problems().stream().map(CheckOnly::listed).toList());
            problems.add(refused != null ? listed(refused.getMessage()) : "检查未能完成：" + ProcessResourceValidator.rootMessage(e));
            return report(problems, null, out);
        }
    }

    /** Prints the list (or that all is well) and gives the exit code; {@code checked} null when the check did not finish. */
    private static int report(List<String> problems, ProcessResourceChecks.Checked checked, PrintStream out) {
        if (problems.isEmpty()) {
            out.println("没有发现问题：%d 个组织的 %d 个流程、表单与派遣表文件和 config/ 下的配置文件都通过了启动时的检查，可以重新启动 Shirong。"
                    .formatted(checked.byTenant().size(), checked.byTenant().values().stream().mapToInt(List::size).max().orElse(0)));
            return 0;
        }
        int count = problems.stream().mapToInt(p -> Math.max(1, p.split("\n      - ", -1).length - 1)).sum();
        out.println("发现 %d 个问题，Shirong 重新启动时会拒绝启动：\n  - %s".formatted(count, String.join("\n  - ", problems)));
        out.println(AGAIN);
        return 1;
    }

    private static final String AGAIN = "请在 Camunda Modeler 或文本编辑器中修正上述文件，修改后再运行本检查；没有问题后再重新启动 Shirong。";

    /** A refusal as an item of the check's list: its own list indented under it, without start-up's words. */
    private static String listed(String refusal) {
        return refusal.replace("，Shirong 未启动", "").replace("\n  - ", "\n      - ");
    }

    /** As the engine: it enforces a history time to live unless switched off, and has no default unless one is set. */
    private static boolean historyTimeToLiveRequired(Environment environment) {
        String prefix = "camunda.bpm.generic-properties.properties.";
        boolean enforced = !"false".equalsIgnoreCase(environment.getProperty(prefix + "enforceHistoryTimeToLive",
                environment.getProperty(prefix + "enforce-history-time-to-live", "true")));
        String ttl = environment.getProperty(prefix + "historyTimeToLive", environment.getProperty(prefix + "history-time-to-live"));
        return enforced && (ttl == null || ttl.isBlank());
    }

    private static StartupRefusedException refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    /**
     * Only what the checks need: the organisations and what reads their files (categories, campaign templates, scoring
     * rubrics, working calendars, zone settings), the process files and the checks themselves (each capability's {@link TenantResources.ResourceCheck}, {@link FormSelectOptions}, {@link ReliedElements}).
     */
    // not a @Configuration: the application's own component scan would take it in too, and its beans (an OrganizationRoles
    // without the identity service) would replace the application's; as check-only's primary source it is read all the same
    @ConfigurationPropertiesScan("org.shirong")
    @ComponentScan(basePackages = "org.shirong", useDefaultFilters = false, includeFilters = {
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {ProcessResourceChecks.class,
                    ProcessResourceCollector.class, Organizations.class, TenantResources.class, TenantResources.ResourceCheck.class,
                    FormSelectOptions.class, ReliedElements.class}),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = {"org\\.shirong\\.rectification\\.CategoryCatalogue",
                    "org\\.shirong\\.campaign\\.CampaignTemplates", "org\\.shirong\\.scoring\\.RubricLoader",
                    "org\\.shirong\\.calendar\\.WorkingCalendar(s|Loader)?", "org\\.shirong\\.zone\\.ZoneSettings"})})
    static class Context {

        /** What the zone settings resolve "@office" with; the identity service (the engine's) is not needed for it. */
        @Bean
        OrganizationRoles organizationRoles(Organizations organizations) {
            return new OrganizationRoles(organizations, null, () -> CaseCooperators.NONE);
        }

        /** Expressions checked against the beans the application would give the engine, found without starting it. */
        @Bean
        ExpressionCheck expressionCheck(ObjectProvider<ReliedElements> relied) {
            Map<String, Class<?>> beans = ExpressionBeans.scannedTypes();
            return new ExpressionCheck(beans::keySet, beans::get, name -> false,
                    ExpressionCheck.constants(relied.orderedStream().flatMap(r -> r.processClasses().stream()).toList()));
        }
    }
}
