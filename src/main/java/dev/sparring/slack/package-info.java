/**
 * The Slack adapter: Bolt behind embedded Jetty ({@code POST /slack/events}) or Socket Mode turns
 * commands, events and interactions into {@link dev.sparring.core.Inbound} events, handled before
 * Slack is acknowledged; {@link dev.sparring.slack.BlockKit} renders messages within Block Kit's
 * limits; the gateway delivers the outbox through the Web API at Slack's pace. With OAuth, {@code
 * /slack/install} and {@code /slack/oauth_redirect} install the app in workspaces and Enterprise
 * Grid orgs; installations live in the store with their tokens encrypted, and every Web API call
 * uses the token of the workspace (or org) it serves.
 */
package dev.sparring.slack;
