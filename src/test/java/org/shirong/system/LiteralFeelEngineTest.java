package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * {@link LiteralFeelEngine} answers as the engine's FEEL engine does: cell by cell against Scala FEEL, and for every
 * organisation's dispatch table ({@code config/organizations/<组织>/CaseDispatch.dmn}) for every category it names, each
 * urgency and source, with the table's whole result compared; the engine built with {@link LiteralFeelPlugin} uses it.
 */
@SharesJvm
class LiteralFeelEngineTest {

    private static final Pattern STRING_CELL = Pattern.compile("<text>\"([A-Z_]+)\"</text>");
    private static final List<String> URGENCIES = List.of("NORMAL", "URGENT");
    private static final List<String> SOURCES = List.of("PATROL", "SELF_INSPECTION", "JOINT_INSPECTION", "SURVEY", "CITIZEN",
            "SPOT_CHECK", "MEETING", "NO_SUCH_SOURCE");

    private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();

    /** Scala FEEL, counting what reaches it. */
    private static final class Counting implements FeelEngine {
        private final FeelEngine feel;
        private final AtomicInteger calls = new AtomicInteger();

        Counting(FeelEngine feel) {
            this.feel = feel;
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            calls.incrementAndGet();
            return feel.evaluateSimpleExpression(expression, variableContext);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
            calls.incrementAndGet();
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }
    }

    @Test
    void cellsAnswerAsScalaFeel() {
        Counting counting = new Counting(scala);
        LiteralFeelEngine literal = new LiteralFeelEngine(counting);
        List<String> tests = List.of("-", " - ", "\"A\"", " \"A\" ", "\"\"", "\"拆违\"", "\"A\",\"B\"", "not(\"A\")", "\"a\\\"b\"");
        List<Object> inputs = new ArrayList<>(List.of("A", "B", "", "拆违", "a\"b", " A", 7L));
        inputs.add(null);
        for (String test : tests) {
            for (Object input : inputs) {
                VariableContext context = Variables.createVariables().putValue("cellInput", input).asVariableContext();
                assertThat(literal.evaluateSimpleUnaryTests(test, "cellInput", context)).as(test + " for " + input)
                        .isEqualTo(scala.evaluateSimpleUnaryTests(test, "cellInput", context));
            }
        }
        VariableContext variables = Variables.createVariables().putValue("category", "ILLEGAL_STALL").putValue("count", 3L)
                .putValue("nothing", null).asVariableContext();
        for (String expression : List.of("\"huanwei\"", " \"a,b\" ", "\"\"", "category", " category ", "count", "nothing",
                "missing", "true", "null", "2", " 20 ", "-3", "0", "007", "123456789012345678", "2.5", "\"a\" + \"b\"")) {
            assertThat((Object) literal.evaluateSimpleExpression(expression, variables)).as(expression)
                    .isEqualTo(scala.evaluateSimpleExpression(expression, variables));
        }
        // the plain cells never reached Scala FEEL; the others did
        counting.calls.set(0);
        literal.evaluateSimpleUnaryTests("-", "cellInput", Variables.createVariables().asVariableContext());
        literal.evaluateSimpleUnaryTests("\"A\"", "cellInput", Variables.createVariables().putValue("cellInput", "A").asVariableContext());
        literal.evaluateSimpleExpression("category", variables);
        literal.evaluateSimpleExpression("\"huanwei\"", variables);
        literal.evaluateSimpleExpression("2", variables);
        assertThat(counting.calls).hasValue(0);
        literal.evaluateSimpleExpression("2.5", variables);
        literal.evaluateSimpleUnaryTests("\"A\"", "cellInput", Variables.createVariables().putValue("cellInput", 7L).asVariableContext());
        assertThat(counting.calls).hasValue(2);
    }

    @Test
    void everyDispatchTableDecidesAsWithScalaFeelAlone() throws IOException {
        Counting counting = new Counting(scala);
        Counting plainCounting = new Counting(scala);
        DmnEngine plain = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(() -> plainCounting).buildEngine();
        DmnEngine literal = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(() -> new LiteralFeelEngine(counting)).buildEngine();
        List<Path> tables;
        try (Stream<Path> files = Files.walk(Path.of("config/organizations"))) {
            tables = files.filter(f -> f.getFileName().toString().equals("CaseDispatch.dmn")).sorted().toList();
        }
        assertThat(tables).hasSizeGreaterThan(3);
        int evaluations = 0;
        for (Path table : tables) {
            Set<String> categories = new TreeSet<>(List.of("NO_SUCH_CATEGORY"));
            Matcher cell = STRING_CELL.matcher(Files.readString(table));
            while (cell.find()) {
                categories.add(cell.group(1));
            }
            DmnDecision plainDecision = parse(plain, table);
            DmnDecision literalDecision = parse(literal, table);
            for (String category : categories) {
                for (String urgency : URGENCIES) {
                    for (String source : SOURCES) {
                        var variables = Variables.createVariables().putValue("category", category).putValue("urgency", urgency)
                                .putValue("source", source);
                        List<Map<String, Object>> expected = plain.evaluateDecisionTable(plainDecision, variables).getResultList();
                        assertThat(literal.evaluateDecisionTable(literalDecision, variables).getResultList())
                                .as(table + " " + category + " " + urgency + " " + source).isEqualTo(expected);
                        evaluations++;
                    }
                }
            }
        }
        // Scala FEEL gets only what is not plain (lists of values and the like): at most one cell per evaluation instead of ~50.
        assertThat(counting.calls.get()).as("cells evaluated by Scala FEEL, against %s without", plainCounting.calls)
                .isLessThanOrEqualTo(evaluations).isLessThan(plainCounting.calls.get() / 20);
    }

    @Test
    void theEngineDecidesThroughIt() throws IOException {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:literal-feel;DB_CLOSE_DELAY=-1").setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new LiteralFeelPlugin());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(LiteralFeelEngine.class);
            try (InputStream dmn = Files.newInputStream(Path.of("config/organizations/jiuting/CaseDispatch.dmn"))) {
                engine.getRepositoryService().createDeployment().addInputStream("CaseDispatch.dmn", dmn).deploy();
            }
            var result = engine.getDecisionService().evaluateDecisionTableByKey("CaseDispatch", Variables.createVariables()
                    .putValue("category", "ILLEGAL_STALL").putValue("urgency", "URGENT").putValue("source", "PATROL"));
            assertThat(result.getSingleResult().getEntryMap()).containsEntry("leadUnit", "chengguan")
                    .containsEntry("responsibleUnits", "shichang").containsEntry("limitUnit", "WORKING_HOURS");
        } finally {
            engine.close();
        }
    }

    private static DmnDecision parse(DmnEngine engine, Path table) throws IOException {
        try (InputStream in = Files.newInputStream(table)) {
            return engine.parseDecision("CaseDispatch", in);
        }
    }
}
