<?php
/**
 * The CMS API of corrigo: push an article version, list accepted fixes, confirm a fix as applied.
 *
 * Pure PHP: the HTTP request is made by a transport callable, so the class runs inside WordPress
 * (wp_remote_request) and in the contract tests (PHP streams) alike.
 *
 * @package Corrigo
 */

defined( 'CORRIGO_PLUGIN' ) || exit;

/**
 * A client of one site's CMS API.
 */
class Corrigo_Client {

	/** @var string Base URL of the corrigo service, without a trailing slash. */
	private $base;

	/** @var string The site's CMS API token. */
	private $token;

	/** @var callable function( string $method, string $url, array $headers, ?string $body ): array{0:int,1:string} */
	private $transport;

	/**
	 * @param string   $base      Base URL of the corrigo service.
	 * @param string   $token     The site's CMS API token.
	 * @param callable $transport Makes one HTTP request and returns [status, body].
	 */
	public function __construct( $base, $token, $transport ) {
		$this->base      = rtrim( $base, '/' );
		$this->token     = $token;
		$this->transport = $transport;
	}

	/**
	 * Push the article's current version.
	 *
	 * @param array $article url, cms_id, title, html, section, authors, published_at, modified_at.
	 * @return array The answer: article and version (number, sha256, created).
	 */
	public function push_article( array $article ) {
		return $this->call( 'POST', '/api/v1/cms/articles', $article );
	}

	/**
	 * The accepted fixes not yet applied, each with its selector and final wording.
	 *
	 * @return array[]
	 */
	public function fixes() {
		$answer = $this->call( 'GET', '/api/v1/cms/fixes', null );
		return $answer['fixes'];
	}

	/**
	 * Confirm that a fix is in the article now.
	 *
	 * @param string $fix_id The fix's id.
	 * @return array The answer: id and applied_at.
	 */
	public function confirm_applied( $fix_id ) {
		return $this->call( 'POST', '/api/v1/cms/fixes/' . rawurlencode( $fix_id ) . '/applied', array() );
	}

	/**
	 * One JSON request; a problem answer becomes an exception with corrigo's detail.
	 *
	 * @throws RuntimeException When the answer is not a success.
	 */
	private function call( $method, $path, $body ) {
		$headers = array(
			'Authorization' => 'Bearer ' . $this->token,
			'Accept'        => 'application/json',
		);
		$payload = null;
		if ( null !== $body ) {
			$headers['Content-Type'] = 'application/json';
			$payload                 = json_encode( (object) $body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
		}
		list( $status, $text ) = call_user_func( $this->transport, $method, $this->base . $path, $headers, $payload );
		$data                  = json_decode( $text, true );
		if ( $status < 200 || $status >= 300 ) {
			$detail = is_array( $data ) && isset( $data['detail'] ) ? $data['detail'] : 'HTTP ' . $status;
			throw new RuntimeException( 'corrigo: ' . $detail, $status );
		}
		return is_array( $data ) ? $data : array();
	}
}
