package org.shirong.system;

import java.util.List;
import java.util.Optional;

/**
 * The options of a select field of a process's start form that change while the form stays deployed (the running
 * campaigns a 临时会议 may count for): written into the form each time someone opens it
 * ({@code GET …/deployed-start-form}, {@link LiveStartFormOptions}), with the option preselected, if any. The form as
 * deployed leaves the field's options empty, so what a start submits for it is checked as text by the form's own check
 * ({@link TaskFormFields}) and then by the process's start listener against the options of that moment.
 */
public interface LiveFormOptions {

    /** The process whose start form has the field. */
    String processKey();

    /** The key of the select field in its start form. */
    String field();

    /** What the field offers in this organisation now, in order. */
    List<FormSelectOptions.Option> options(String organization);

    /** The option the field opens with in this organisation now; empty for none. */
    Optional<String> preselected(String organization);
}
