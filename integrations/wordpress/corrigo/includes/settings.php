<?php
/**
 * The plugin's settings page (Settings → corrigo).
 *
 * @package Corrigo
 */

defined( 'CORRIGO_PLUGIN' ) || exit;

/**
 * The settings fields: name => label.
 *
 * @return array
 */
function corrigo_setting_fields() {
	return array(
		'service_url'    => __( 'corrigo address (https://corrigo.example.org)', 'corrigo' ),
		'site_key'       => __( 'Site key (for the widget)', 'corrigo' ),
		'api_token'      => __( 'CMS API token', 'corrigo' ),
		'webhook_secret' => __( 'Webhook secret (whsec_…)', 'corrigo' ),
		'root'           => __( 'CSS selector of the article text', 'corrigo' ),
	);
}

/**
 * Clean the submitted settings.
 *
 * @param array $input The submitted form.
 * @return array
 */
function corrigo_sanitize( $input ) {
	$clean = array();
	foreach ( array_keys( corrigo_setting_fields() ) as $name ) {
		$clean[ $name ] = isset( $input[ $name ] ) ? sanitize_text_field( $input[ $name ] ) : '';
	}
	$clean['service_url'] = esc_url_raw( $clean['service_url'] );
	$clean['apply_fixes'] = ! empty( $input['apply_fixes'] );
	return $clean;
}

add_action(
	'admin_init',
	function () {
		register_setting( 'corrigo', 'corrigo', array( 'sanitize_callback' => 'corrigo_sanitize' ) );
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page( 'corrigo', 'corrigo', 'manage_options', 'corrigo', 'corrigo_settings_page' );
	}
);

/**
 * Render the settings page.
 */
function corrigo_settings_page() {
	$options = corrigo_options();
	echo '<div class="wrap"><h1>corrigo</h1><form method="post" action="options.php">';
	settings_fields( 'corrigo' );
	echo '<table class="form-table" role="presentation">';
	foreach ( corrigo_setting_fields() as $name => $label ) {
		printf(
			'<tr><th scope="row"><label for="corrigo-%1$s">%2$s</label></th><td><input class="regular-text" id="corrigo-%1$s" name="corrigo[%1$s]" value="%3$s"></td></tr>',
			esc_attr( $name ),
			esc_html( $label ),
			esc_attr( $options[ $name ] )
		);
	}
	printf(
		'<tr><th scope="row">%s</th><td><label><input type="checkbox" name="corrigo[apply_fixes]" value="1"%s> %s</label></td></tr>',
		esc_html__( 'Accepted fixes', 'corrigo' ),
		checked( $options['apply_fixes'], true, false ),
		esc_html__( 'Apply them to the post automatically', 'corrigo' )
	);
	printf(
		'</table><p>%s <code>%s</code></p>',
		esc_html__( 'Webhook address to enter in corrigo:', 'corrigo' ),
		esc_html( rest_url( 'corrigo/v1/webhook' ) )
	);
	submit_button();
	echo '</form></div>';
}
