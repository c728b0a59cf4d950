/**
 * Cross-cutting concerns: deployment of {@code processes/} and {@code forms/}, REST and webapp
 * security, compensating controls for known Camunda 7.24 CE advisories, and start-up reporting.
 */
package org.shirong.system;
