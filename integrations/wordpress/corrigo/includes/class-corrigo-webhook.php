<?php
/**
 * Verifying corrigo's webhooks (the Standard Webhooks scheme) and applying an accepted fix to a post.
 *
 * @package Corrigo
 */

defined( 'CORRIGO_PLUGIN' ) || exit;

/**
 * Standard Webhooks signature check: v1 = base64( HMAC-SHA256( secret, "id.timestamp.body" ) ).
 */
class Corrigo_Webhook {

	/** Seconds a webhook's timestamp may differ from now. */
	const TOLERANCE = 300;

	/**
	 * The event, when the headers carry a valid signature of the body; null otherwise.
	 *
	 * @param string $secret  The endpoint's secret, "whsec_" and base64.
	 * @param array  $headers Header names (any case) to values.
	 * @param string $body    The raw request body.
	 * @param int    $now     The current Unix time.
	 * @return array|null
	 */
	public static function verify( $secret, array $headers, $body, $now ) {
		$headers   = array_change_key_case( $headers, CASE_LOWER );
		$id        = isset( $headers['webhook-id'] ) ? $headers['webhook-id'] : '';
		$timestamp = isset( $headers['webhook-timestamp'] ) ? $headers['webhook-timestamp'] : '';
		$signature = isset( $headers['webhook-signature'] ) ? $headers['webhook-signature'] : '';
		if ( '' === $id || ! ctype_digit( $timestamp ) || '' === $signature ) {
			return null;
		}
		if ( abs( $now - (int) $timestamp ) > self::TOLERANCE ) {
			return null;
		}
		$key      = base64_decode( preg_replace( '/^whsec_/', '', $secret ), true );
		$expected = base64_encode( hash_hmac( 'sha256', $id . '.' . $timestamp . '.' . $body, (string) $key, true ) );
		foreach ( explode( ' ', $signature ) as $candidate ) {
			$parts = explode( ',', $candidate, 2 );
			if ( 2 === count( $parts ) && 'v1' === $parts[0] && hash_equals( $expected, $parts[1] ) ) {
				$event = json_decode( $body, true );
				return is_array( $event ) ? $event : null;
			}
		}
		return null;
	}

	/**
	 * The post's HTML with the fix applied, or null when the passage cannot be placed for sure.
	 *
	 * The passage is replaced only where it stands exactly once, alone or with the end of its W3C
	 * prefix before it; anything less certain is left to the editor.
	 *
	 * @param string $html The post content.
	 * @param array  $fix  The event's data: selector (exact, prefix, suffix) and final_wording.
	 * @return string|null
	 */
	public static function apply_fix( $html, array $fix ) {
		if ( empty( $fix['selector']['exact'] ) || ! isset( $fix['final_wording'] ) ) {
			return null;
		}
		$exact = htmlspecialchars( $fix['selector']['exact'], ENT_NOQUOTES, 'UTF-8' );
		$after = htmlspecialchars( $fix['final_wording'], ENT_NOQUOTES, 'UTF-8' );
		if ( 1 === substr_count( $html, $exact ) ) {
			return str_replace( $exact, $after, $html );
		}
		preg_match( '/.{0,12}$/su', htmlspecialchars( (string) $fix['selector']['prefix'], ENT_NOQUOTES, 'UTF-8' ), $tail );
		$lead = $tail ? $tail[0] : '';
		if ( '' !== $lead && 1 === substr_count( $html, $lead . $exact ) ) {
			return str_replace( $lead . $exact, $lead . $after, $html );
		}
		return null;
	}
}
