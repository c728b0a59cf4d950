package org.shirong.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN and DMN expressions may name besides the delegates and listeners
 * ({@code ${organizationRoles.office(execution)}}, {@code ${workingDays.after(execution, 3)}}): a helper written for the
 * process owner, or a value such as the notification retry cycle (on its {@code @Bean} method). No other bean is visible to expressions ({@link ExpressionBeans}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ProcessExpressionBean {
}
