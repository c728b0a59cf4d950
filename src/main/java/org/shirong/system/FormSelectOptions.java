package org.shirong.system;

import java.util.List;
import java.util.Optional;

/**
 * The options of a select field in a form under {@code forms/}, taken from configuration when the forms
 * are deployed, so that the form offers what {@code config/} holds without anyone editing the form.
 */
public interface FormSelectOptions {

    /** The form, named as deployed: {@code forms/CampaignStart.form}. */
    String form();

    /** The key of the select field in that form. */
    String field();

    /** What the field offers in this organisation's deployment, in order. */
    List<Option> options(String organization);

    /**
     * The field's description in this organisation's deployment when what it says depends on the options (a town's
     * 临时会议 lists no towns, jxreview-s55 J15); empty keeps the form's own.
     */
    default Optional<String> description(String organization) {
        return Optional.empty();
    }

    record Option(String label, String value) {
    }
}
