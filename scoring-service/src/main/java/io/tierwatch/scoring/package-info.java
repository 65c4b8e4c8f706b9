/** Tierwatch scoring-service. */
package io.tierwatch.scoring;
