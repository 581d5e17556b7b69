/**
 * The Slack adapter: Bolt behind embedded Jetty ({@code POST /slack/events}) or Socket Mode turns
 * commands, events and interactions into {@link dev.sparring.core.Inbound} events, handled before
 * Slack is acknowledged; {@link dev.sparring.slack.BlockKit} renders messages within Block Kit's
 * limits; the gateway delivers the outbox through the Web API at Slack's pace.
 */
package dev.sparring.slack;
