/** Sales reps and managers: who they are, how they are reached, the reps API. */
package io.tierwatch.notification.reps;
