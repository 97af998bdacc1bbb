<?php
/**
 * Plugin Name: corrigo
 * Description: Reader corrections for your articles: the corrigo widget, article versions pushed to corrigo, and accepted fixes applied when you allow it.
 * Version: 0.1.0
 * Requires PHP: 7.4
 * License: MIT
 * Text Domain: corrigo
 *
 * @package Corrigo
 */

defined( 'ABSPATH' ) || exit;
define( 'CORRIGO_PLUGIN', '0.1.0' );

require_once __DIR__ . '/includes/class-corrigo-client.php';
require_once __DIR__ . '/includes/class-corrigo-webhook.php';
require_once __DIR__ . '/includes/settings.php';

/**
 * The plugin's settings, with defaults.
 *
 * @return array service_url, site_key, api_token, webhook_secret, root, apply_fixes.
 */
function corrigo_options() {
	$defaults = array(
		'service_url'    => '',
		'site_key'       => '',
		'api_token'      => '',
		'webhook_secret' => '',
		'root'           => '.entry-content',
		'apply_fixes'    => false,
	);
	return array_merge( $defaults, (array) get_option( 'corrigo', array() ) );
}

/**
 * A CMS API client that talks through WordPress's HTTP API.
 *
 * @return Corrigo_Client|null Null until the service URL and the token are set.
 */
function corrigo_client() {
	$options = corrigo_options();
	if ( '' === $options['service_url'] || '' === $options['api_token'] ) {
		return null;
	}
	$transport = function ( $method, $url, $headers, $body ) {
		$response = wp_remote_request(
			$url,
			array(
				'method'  => $method,
				'headers' => $headers,
				'body'    => $body,
				'timeout' => 10,
			)
		);
		if ( is_wp_error( $response ) ) {
			throw new RuntimeException( 'corrigo: ' . $response->get_error_message() );
		}
		return array( (int) wp_remote_retrieve_response_code( $response ), (string) wp_remote_retrieve_body( $response ) );
	};
	return new Corrigo_Client( $options['service_url'], $options['api_token'], $transport );
}

/**
 * The widget's script tag on single posts, with the article's correction notices shown.
 */
function corrigo_script_tag() {
	$options = corrigo_options();
	if ( ! is_singular( 'post' ) || '' === $options['service_url'] || '' === $options['site_key'] ) {
		return;
	}
	printf(
		'<script src="%s" data-site="%s" data-root="%s" data-show-corrections defer></script>' . "\n",
		esc_url( rtrim( $options['service_url'], '/' ) . '/embed.js' ),
		esc_attr( $options['site_key'] ),
		esc_attr( $options['root'] )
	);
}
add_action( 'wp_head', 'corrigo_script_tag' );

/**
 * The article as the CMS API takes it.
 *
 * @param WP_Post $post A published post.
 * @return array
 */
function corrigo_article_of( $post ) {
	$categories = get_the_category( $post->ID );
	return array(
		'url'          => get_permalink( $post ),
		'cms_id'       => (string) $post->ID,
		'title'        => get_the_title( $post ),
		'html'         => apply_filters( 'the_content', $post->post_content ),
		'section'      => $categories ? $categories[0]->name : '',
		'authors'      => array( get_the_author_meta( 'display_name', $post->post_author ) ),
		'published_at' => get_post_time( 'c', true, $post ),
		'modified_at'  => get_post_modified_time( 'c', true, $post ),
	);
}

/**
 * Push a post to corrigo when it is published or updated; a failure is logged, never shown to readers.
 *
 * @param int     $post_id The post's id.
 * @param WP_Post $post    The post.
 */
function corrigo_push_post( $post_id, $post ) {
	$client = corrigo_client();
	if ( null === $client || 'post' !== $post->post_type || 'publish' !== $post->post_status || wp_is_post_revision( $post_id ) ) {
		return;
	}
	try {
		$client->push_article( corrigo_article_of( $post ) );
	} catch ( RuntimeException $e ) {
		error_log( $e->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
	}
}
add_action( 'save_post', 'corrigo_push_post', 20, 2 );

/**
 * The webhook receiver: a signed case.accepted event applies its fix when the editor allows it.
 *
 * @param WP_REST_Request $request The webhook request.
 * @return WP_REST_Response
 */
function corrigo_webhook( $request ) {
	$options = corrigo_options();
	$event   = Corrigo_Webhook::verify( $options['webhook_secret'], $request->get_headers_flat(), $request->get_body(), time() );
	if ( null === $event ) {
		return new WP_REST_Response( array( 'error' => 'invalid signature' ), 401 );
	}
	if ( 'case.accepted' !== $event['type'] || ! $options['apply_fixes'] ) {
		return new WP_REST_Response( array( 'applied' => false ), 200 );
	}
	$data    = $event['data'];
	$post_id = ctype_digit( (string) $data['article']['cms_id'] ) ? (int) $data['article']['cms_id'] : url_to_postid( $data['article']['url'] );
	$post    = $post_id ? get_post( $post_id ) : null;
	$html    = $post ? Corrigo_Webhook::apply_fix( $post->post_content, $data ) : null;
	if ( null === $html ) {
		return new WP_REST_Response( array( 'applied' => false ), 200 );
	}
	wp_update_post( array( 'ID' => $post->ID, 'post_content' => $html ) );
	corrigo_client()->confirm_applied( $data['correction']['id'] );
	return new WP_REST_Response( array( 'applied' => true ), 200 );
}

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'corrigo/v1',
			'/webhook',
			array(
				'methods'             => 'POST',
				'callback'            => 'corrigo_webhook',
				'permission_callback' => '__return_true',
			)
		);
	}
);
