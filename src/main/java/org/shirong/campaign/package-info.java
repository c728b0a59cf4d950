/**
 * Campaigns and the work they hand out: for now the 工作交办 process ({@code WorkAssignmentProcess})
 * by which the office gives a unit a task with a deadline and reviews the result.
 */
package org.shirong.campaign;
