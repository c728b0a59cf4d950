package org.shirong.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response.Status;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.AbstractSearchQueryDto;
import org.camunda.bpm.engine.rest.dto.CamundaQueryParam;
import org.camunda.bpm.engine.rest.dto.converter.JacksonAwareStringToTypeConverter;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Fills an engine REST query object from the URL's query parameters as Camunda's {@link AbstractSearchQueryDto}
 * constructor does (each parameter's first value, through the converter its {@link CamundaQueryParam} names, the same
 * errors), but finds a parameter's setters once per class: Camunda lists all public methods of the query class and
 * reads their annotations again for every parameter of every request (about 300 methods for a task query, an eighth of
 * a task query's CPU in W1, issue 13).
 */
final class SearchQueryParameters {

    /** A setter of one query parameter and the converter of its value. */
    private record Setter(Method method, Constructor<? extends JacksonAwareStringToTypeConverter<?>> converter) {
    }

    /**
     * Every parameter a query class knows, read once from its annotated setters: a name it does not know is looked up,
     * never stored (a cache filled by the names requests carry grew without bound, one entry per invented name).
     */
    private static final ClassValue<Map<String, List<Setter>>> SETTERS = new ClassValue<>() {
        @Override
        protected Map<String, List<Setter>> computeValue(Class<?> type) {
            Map<String, List<Setter>> byName = new HashMap<>();
            for (Method method : type.getMethods()) {
                CamundaQueryParam annotation = method.getAnnotation(CamundaQueryParam.class);
                if (annotation != null) {
                    byName.computeIfAbsent(annotation.value(), name -> new ArrayList<>()).add(new Setter(method, converter(annotation)));
                }
            }
            Map<String, List<Setter>> known = new HashMap<>();
            byName.forEach((name, setters) -> known.put(name, List.copyOf(setters)));
            return Map.copyOf(known);
        }
    };

    private SearchQueryParameters() {
    }

    /** {@code query} with the parameters set, as {@code new TaskQueryDto(objectMapper, parameters)} would be. */
    static <T extends AbstractSearchQueryDto> T fill(T query, ObjectMapper objectMapper, MultivaluedMap<String, String> parameters) {
        query.setObjectMapper(objectMapper);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            String value = parameter.getValue().iterator().next();
            for (Setter setter : setters(query.getClass(), key)) {
                set(query, setter, objectMapper, key, value);
            }
        }
        return query;
    }

    /** How many parameter names {@code type} knows, the names a request may bring left out. */
    static int knownParameters(Class<?> type) {
        return SETTERS.get(type).size();
    }

    private static List<Setter> setters(Class<?> type, String parameterName) {
        return SETTERS.get(type).getOrDefault(parameterName, List.of());
    }

    private static Constructor<? extends JacksonAwareStringToTypeConverter<?>> converter(CamundaQueryParam annotation) {
        try {
            return annotation.converter().getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return null; // instantiated as Camunda does when used, and failing as it does
        }
    }

    private static void set(Object query, Setter setter, ObjectMapper objectMapper, String key, String value) {
        try {
            JacksonAwareStringToTypeConverter<?> converter = newConverter(setter);
            converter.setObjectMapper(objectMapper);
            Object converted = converter.convertQueryParameterToType(value);
            setter.method().invoke(query, converted);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new RestException(Status.INTERNAL_SERVER_ERROR, e, "Server error.");
        } catch (InvocationTargetException e) {
            throw new InvalidRequestException(Status.BAD_REQUEST, e, "Cannot set query parameter '" + key + "' to value '" + value + "'");
        } catch (RestException e) {
            throw new InvalidRequestException(e.getStatus(), e,
                    "Cannot set query parameter '" + key + "' to value '" + value + "': " + e.getMessage());
        }
    }

    private static JacksonAwareStringToTypeConverter<?> newConverter(Setter setter)
            throws InstantiationException, IllegalAccessException {
        if (setter.converter() == null) {
            throw new InstantiationException("no constructor without arguments");
        }
        try {
            return setter.converter().newInstance();
        } catch (InvocationTargetException e) {
            // Class.newInstance, which Camunda uses, passes on what the constructor throws
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new InstantiationException(String.valueOf(e.getCause()));
        }
    }
}
