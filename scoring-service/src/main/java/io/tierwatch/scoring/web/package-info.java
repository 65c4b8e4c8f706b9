/** The read API for the rep portal, managers and other systems: customers, paged lists and the portfolio. */
package io.tierwatch.scoring.web;
