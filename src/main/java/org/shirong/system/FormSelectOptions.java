package org.shirong.system;

import java.util.List;

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

    record Option(String label, String value) {
    }
}
