/** The services the portal reads, with the viewer's token. */
package io.tierwatch.portal.api;
