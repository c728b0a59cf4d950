package org.shirong.rectification;

/**
 * What evidence a case must show beyond the after photo every case needs, by the campaign that found it (e.g. 锦溪's
 * 931 plan asks for before and after photos at the same spot). Implemented by the campaign package, which owns the
 * templates; asked once, when the case is registered, so that the requirement travels with the case.
 */
public interface CaseEvidenceRules {

    /** Whether the cases that {@code campaign} (a campaign code of {@code organization}) finds need a before photo at 整改. */
    boolean beforePhotoRequired(String organization, String campaign);
}
