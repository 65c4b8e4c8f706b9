/** The Redis client and Lua script loading shared by the features. */
package io.tierwatch.notification.redis;
