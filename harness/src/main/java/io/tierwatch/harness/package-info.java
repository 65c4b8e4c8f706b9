/** The processes and endpoints around Tierwatch that the bench, the end-to-end tests and the local stack share. */
package io.tierwatch.harness;
