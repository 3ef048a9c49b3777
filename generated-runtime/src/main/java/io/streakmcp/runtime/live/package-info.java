/**
 * The live schema: each account's pipelines, stages and custom fields, fetched from Streak, cached
 * per account, folded into tool schemas, and used to turn names into Streak's keys.
 */
package io.streakmcp.runtime.live;
