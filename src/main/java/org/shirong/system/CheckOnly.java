package org.shirong.system;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.shirong.organization.Organizations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar shirong.jar --shirong.check-only} (poreview-s50 F19): the start-up's checks of {@code processes/},
 * {@code forms/} and {@code config/organizations/} (organisation, category and campaign files, dispatch tables), as
 * {@link ProcessResourceDeployer} runs them, without starting Shirong: no database, no process engine, no web server,
 * nothing deployed. Prints the same Chinese list the refused start-up gives and ends with exit code 1, or a line saying
 * all is well and 0, so that a process owner can check edited files before the restart that would otherwise take the
 * whole installation down on a mistake. What only the process engine finds while deploying (its own BPMN rules beyond
 * the schema) still shows at the restart.
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
        out.println("检查流程、表单与组织机构文件（processes/、forms/、config/organizations/），不启动 Shirong、不连接数据库……");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN", "logging.level.org.springframework=ERROR")
                .run(args)) {
            ProcessResourceChecks.Checked checked = SharedBpmnReads.during(
                    () -> context.getBean(ProcessResourceChecks.class).check(historyTimeToLiveRequired(context.getEnvironment())));
            if (!checked.warnings().isEmpty()) {
                out.println("提示（不影响启动，建议修改）：\n  - " + String.join("\n  - ", checked.warnings()));
            }
            if (checked.problems().isEmpty()) {
                out.println("没有发现问题：%d 个组织的 %d 个文件都通过了启动时的检查，可以重新启动 Shirong。".formatted(
                        checked.byTenant().size(), checked.byTenant().values().stream().mapToInt(List::size).max().orElse(0)));
                return 0;
            }
            out.println("发现 %d 个问题，Shirong 重新启动时会拒绝启动：\n  - %s".formatted(checked.problems().size(),
                    String.join("\n  - ", checked.problems())));
            out.println("请在 Camunda Modeler 或文本编辑器中修正上述文件，再运行本检查；没有问题后再重新启动 Shirong。");
            return 1;
        } catch (RuntimeException e) {
            StartupRefusedException refused = refused(e);
            if (refused != null) {
                out.println(refused.getMessage());
                out.println(refused.action());
            } else {
                out.println("检查未能完成：" + ProcessResourceValidator.rootMessage(e));
            }
            return 1;
        }
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
     * Only what the checks need: the organisations and what reads their files, the process files and the checks
     * themselves (each capability's {@link TenantResources.ResourceCheck}, {@link FormSelectOptions}, {@link ReliedElements}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("org.shirong")
    @ComponentScan(basePackages = "org.shirong", useDefaultFilters = false, includeFilters = {
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {ProcessResourceChecks.class,
                    ProcessResourceCollector.class, Organizations.class, TenantResources.class, TenantResources.ResourceCheck.class,
                    FormSelectOptions.class, ReliedElements.class}),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = {"org\\.shirong\\.rectification\\.CategoryCatalogue",
                    "org\\.shirong\\.campaign\\.CampaignTemplates"})})
    static class Context {

        /** Expressions checked against the beans the application would give the engine, found without starting it. */
        @Bean
        ExpressionCheck expressionCheck(ObjectProvider<ReliedElements> relied) {
            Map<String, Class<?>> beans = ExpressionBeans.scannedTypes();
            return new ExpressionCheck(beans::keySet, beans::get, name -> false,
                    ExpressionCheck.constants(relied.orderedStream().flatMap(r -> r.processClasses().stream()).toList()));
        }
    }
}
