/** The service's meters, named {@code tierwatch.scoring.*}, tagged only with bounded values. */
package io.tierwatch.scoring.metrics;
