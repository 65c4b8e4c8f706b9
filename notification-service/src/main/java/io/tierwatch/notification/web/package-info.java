/** Web plumbing shared by the features: problem details, the live page's static files. */
package io.tierwatch.notification.web;
