/**
 * Cross-cutting concerns: deployment of {@code processes/} and {@code forms/}, REST and webapp
 * security, compensating controls for known Camunda 7.24 CE advisories, start-up reporting, and the
 * handling of bad input shared by every capability: one check of typed text ({@code TextInput}) and of
 * typed dates ({@code DateWindow}), Chinese 4xx answers with upload limits, and refusals logged in one line.
 */
package org.shirong.system;
