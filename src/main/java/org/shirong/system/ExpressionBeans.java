package org.shirong.system;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;
import org.springframework.stereotype.Component;

/**
 * The only Spring beans the engine's expressions see (in BPMN, JUEL decision cells and scripts): the delegates and
 * listeners ({@link JavaDelegate}, {@link ExecutionListener}, {@link TaskListener}) and the helpers marked
 * {@link ProcessExpressionBean}. The engine otherwise resolves any bean by name, so an expression copied from the
 * internet could read {@code environment.getProperty('SHIRONG_DB_PASSWORD')} or call {@code dataSource} and leave the
 * result in a variable that unit staff read. Start-up refuses an expression naming any other bean ({@link ExpressionCheck}).
 */
@Component
class ExpressionBeans {

    private static final Class<?>[] PROCESS_TYPES = {JavaDelegate.class, ExecutionListener.class, TaskListener.class};

    private final ApplicationContext context;
    private volatile Set<String> names;

    ExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    /** The names of the beans expressions may use, sorted; read from the context once, after its beans are defined. */
    Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = new TreeSet<>();
            for (Class<?> type : PROCESS_TYPES) {
                known.addAll(Arrays.asList(context.getBeanNamesForType(type, true, false)));
            }
            known.addAll(Arrays.asList(context.getBeanNamesForAnnotation(ProcessExpressionBean.class)));
            names = known = Set.copyOf(known);
        }
        return known;
    }

    /**
     * The same names found without starting the application, as Spring would name them (for {@link CheckOnly}): the
     * components of {@code org.shirong} and their {@code @Bean} methods that are delegates, listeners or marked
     * {@link ProcessExpressionBean}.
     */
    static Set<String> scanned() {
        return scannedTypes().keySet();
    }

    /** {@link #scanned()} with each bean's class (a {@code @Bean} method's return type), for checking the methods expressions call. */
    static Map<String, Class<?>> scannedTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(true);
        var names = new AnnotationBeanNameGenerator();
        var registry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> beans = new TreeMap<>();
        for (var definition : scanner.findCandidateComponents("org.shirong")) {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), ExpressionBeans.class.getClassLoader());
            if (forProcesses(type, type)) {
                beans.put(names.generateBeanName(definition, registry), type);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Bean.class) && forProcesses(method.getReturnType(), method)) {
                    beans.put(method.getName(), method.getReturnType());
                }
            }
        }
        return java.util.Collections.unmodifiableMap(beans);
    }

    private static boolean forProcesses(Class<?> type, AnnotatedElement annotated) {
        return Arrays.stream(PROCESS_TYPES).anyMatch(t -> t.isAssignableFrom(type)) || annotated.isAnnotationPresent(ProcessExpressionBean.class);
    }

    /** The class of a bean expressions may use (without proxies), or null when it is not one or its type is not known. */
    Class<?> type(String name) {
        if (!names().contains(name)) {
            return null;
        }
        Class<?> type = context.getType(name, false);
        return type == null ? null : ClassUtils.getUserClass(type);
    }

    /** Whether {@code name} is a bean of the application at all (one expressions may not use unless {@link #names()} has it). */
    boolean isBean(String name) {
        return context.containsBean(name);
    }

    /**
     * The beans as the engine's {@code beans} map: a name is looked up in the context only when an expression uses it, so
     * that no bean is created early for the engine's configuration.
     */
    java.util.Map<Object, Object> forEngine() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && names().contains(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return names().stream().map(name -> new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
                        .collect(Collectors.toSet());
            }
        };
    }
}
