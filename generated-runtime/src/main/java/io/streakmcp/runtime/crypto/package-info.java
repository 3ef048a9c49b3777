/** HMAC signing and key derivation shared by session ids and cursors. */
package io.streakmcp.runtime.crypto;
