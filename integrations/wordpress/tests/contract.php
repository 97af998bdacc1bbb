<?php
/**
 * Drives the plugin's WordPress-free classes from the command line, for the contract tests in
 * tests/functional/publishing/test_wordpress_plugin.py (they run it against a live corrigo).
 *
 * php contract.php push|fixes|confirm <base-url> <token> [fix-id]   (push reads the article JSON on stdin)
 * php contract.php verify <secret>   (stdin: {"headers": {...}, "body": "..."})
 * php contract.php apply             (stdin: {"html": "...", "fix": {...}})
 *
 * @package Corrigo
 */

define( 'CORRIGO_PLUGIN', 'test' );
require __DIR__ . '/../corrigo/includes/class-corrigo-client.php';
require __DIR__ . '/../corrigo/includes/class-corrigo-webhook.php';

/**
 * An HTTP transport on PHP streams, standing in for wp_remote_request.
 */
function stream_transport( $method, $url, $headers, $body ) {
	$lines = array();
	foreach ( $headers as $name => $value ) {
		$lines[] = $name . ': ' . $value;
	}
	$context = stream_context_create(
		array(
			'http' => array(
				'method'        => $method,
				'header'        => implode( "\r\n", $lines ),
				'content'       => null === $body ? '' : $body,
				'ignore_errors' => true,
				'timeout'       => 10,
			),
		)
	);
	$text = file_get_contents( $url, false, $context );
	preg_match( '#^HTTP/\S+ (\d{3})#', $http_response_header[0], $match );
	return array( (int) $match[1], (string) $text );
}

$command = $argv[1];
$input   = json_decode( (string) stream_get_contents( STDIN ), true );
if ( in_array( $command, array( 'push', 'fixes', 'confirm' ), true ) ) {
	$client = new Corrigo_Client( $argv[2], $argv[3], 'stream_transport' );
	try {
		if ( 'push' === $command ) {
			$result = $client->push_article( $input );
		} elseif ( 'fixes' === $command ) {
			$result = $client->fixes();
		} else {
			$result = $client->confirm_applied( $argv[4] );
		}
	} catch ( RuntimeException $e ) {
		$result = array( 'error' => $e->getMessage(), 'status' => $e->getCode() );
	}
} elseif ( 'verify' === $command ) {
	$result = Corrigo_Webhook::verify( $argv[2], $input['headers'], $input['body'], time() );
} else {
	$result = Corrigo_Webhook::apply_fix( $input['html'], $input['fix'] );
}
echo json_encode( $result, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
