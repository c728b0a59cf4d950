package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listener {@code CaseAppealProcess} names in its diagram ({@code ${appealDecidedListener}}, {@link CaseAppeals#decided}). */
@Configuration(proxyBeanMethods = false)
class CaseAppealSteps {

    @Bean
    ExecutionListener appealDecidedListener(CaseAppeals appeals) {
        return appeals::decided;
    }
}
