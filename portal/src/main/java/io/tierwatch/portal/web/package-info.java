/** The pages: controllers that read the services and the views they fill. */
package io.tierwatch.portal.web;
