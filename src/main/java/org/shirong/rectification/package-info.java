/**
 * Rectification cases (整改案件): the catalogue of problem categories an inspector files a case
 * under ({@code config/categories.yaml}) and the {@code CaseDispatch} decision
 * ({@code config/organizations/<组织>/CaseDispatch.dmn}) that names the lead unit, the responsible units and the
 * time limit of a case.
 */
package org.shirong.rectification;
