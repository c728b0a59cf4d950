/**
 * The guided first run: on the embedded demo run ({@code shirong.demo.seed}), a small, realistic demo seeded once
 * through the product's own HTTP API as the demo users, with the engine clock moved over the past weeks so that
 * deadlines, meetings and scores happen at their real times. Owns no table: its marker is an engine property.
 */
package org.shirong.demo;
