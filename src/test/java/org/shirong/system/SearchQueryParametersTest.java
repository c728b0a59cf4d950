package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.rest.dto.CamundaQueryParam;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;

/** The task query read from URL parameters with setters found once is the query Camunda's constructor reads. */
@SharesJvm
class SearchQueryParametersTest {

    private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    /** A valid value for each converter a task query parameter names; a new converter fails the test until added. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("StringConverter", "abc"),
            Map.entry("BooleanConverter", "true"),
            Map.entry("IntegerConverter", "7"),
            Map.entry("LongConverter", "8"),
            Map.entry("DateConverter", "2026-12-01T10:00:00.000+0800"),
            Map.entry("StringListConverter", "a,b,c"),
            Map.entry("StringSetConverter", "a,b"),
            Map.entry("StringArrayConverter", "x,y"),
            Map.entry("VariableListConverter", "name_eq_value,count_gt_3"),
            Map.entry("DelegationStateConverter", "PENDING"),
            Map.entry("OrQueriesConverter", "[{\"candidateGroup\":\"chengguan\"}]"));

    @Test
    void everyTaskQueryParameterIsSetAsCamundaSetsIt() throws Exception {
        List<String> names = new ArrayList<>();
        MultivaluedMap<String, String> all = new MultivaluedHashMap<>();
        for (Method method : TaskQueryDto.class.getMethods()) {
            CamundaQueryParam parameter = method.getAnnotation(CamundaQueryParam.class);
            if (parameter != null) {
                String value = VALUES.get(parameter.converter().getSimpleName());
                assertThat(value).as("a value for " + parameter.converter().getName()).isNotNull();
                names.add(parameter.value());
                MultivaluedMap<String, String> one = new MultivaluedHashMap<>();
                one.putSingle(parameter.value(), value);
                one.putSingle("maxResults", "10"); // not a query field: ignored by both
                Object camunda = outcome(() -> new TaskQueryDto(MAPPER, one));
                assertThat(outcome(() -> SearchQueryParameters.fill(new TaskQueryDto(), MAPPER, one))).as(parameter.value())
                        .isEqualTo(camunda);
                if (!(camunda instanceof String)) {
                    all.putSingle(parameter.value(), value);
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(100).contains("processInstanceBusinessKey", "taskDefinitionKey", "candidateGroup");
        for (int i = 0; i < 2; i++) {
            assertThat(state(SearchQueryParameters.fill(new TaskQueryDto(), MAPPER, all))).isEqualTo(state(new TaskQueryDto(MAPPER, all)));
        }
        assertThat(state(new TaskQueryDto(MAPPER, all))).as("the values set are seen").isNotEqualTo(state(new TaskQueryDto()));
    }

    /** Names a request invents are not kept: each used to add an entry to the setters found, never freed (s49 F7). */
    @Test
    void parameterNamesNoQueryKnowsAreNotKept() throws Exception {
        long named = Arrays.stream(TaskQueryDto.class.getMethods()).map(m -> m.getAnnotation(CamundaQueryParam.class))
                .filter(java.util.Objects::nonNull).map(CamundaQueryParam::value).distinct().count();
        MultivaluedMap<String, String> invented = new MultivaluedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            invented.putSingle("z" + i, "1");
        }
        invented.putSingle("assignee", "huanwei1");
        TaskQueryDto query = SearchQueryParameters.fill(new TaskQueryDto(), MAPPER, invented);
        assertThat(state(query)).isEqualTo(state(new TaskQueryDto(MAPPER, invented)));
        assertThat(SearchQueryParameters.knownParameters(TaskQueryDto.class)).isEqualTo(named);
    }

    @Test
    void aValueThatCannotBeReadIsRefusedWithCamundasAnswer() {
        for (var bad : Map.of("createdAfter", "yesterday", "priority", "high", "dueAfter", "2026-13-45").entrySet()) {
            MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
            query.putSingle(bad.getKey(), bad.getValue());
            InvalidRequestException camunda = catchInvalid(() -> new TaskQueryDto(MAPPER, query));
            assertThatThrownBy(() -> SearchQueryParameters.fill(new TaskQueryDto(), MAPPER, query))
                    .isInstanceOf(InvalidRequestException.class).hasMessage(camunda.getMessage())
                    .satisfies(e -> assertThat(((InvalidRequestException) e).getStatus()).isEqualTo(camunda.getStatus()));
        }
    }

    private static InvalidRequestException catchInvalid(Runnable read) {
        try {
            read.run();
        } catch (InvalidRequestException e) {
            return e;
        }
        throw new AssertionError("Camunda accepted the value");
    }

    /** The query's state, or the exception (class and message) reading it threw. */
    private static Object outcome(java.util.function.Supplier<TaskQueryDto> read) {
        try {
            return state(read.get());
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every getter's answer, arrays by content. */
    private static Map<String, Object> state(Object query) throws Exception {
        Map<String, Object> state = new TreeMap<>();
        for (Method getter : query.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && (getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    && !getter.getName().equals("getClass")) {
                state.put(getter.getName(), String.valueOf(deep(getter.invoke(query))));
            }
        }
        return state;
    }

    private static Object deep(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SearchQueryParametersTest::deep).map(String::valueOf).toList();
        }
        if (value != null && value.getClass().getName().startsWith("org.camunda.") && !value.getClass().isEnum()) {
            try {
                return state(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return value;
    }
}
