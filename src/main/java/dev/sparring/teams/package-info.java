/**
 * Microsoft Teams: the Bot Framework protocol spoken directly. Activities arrive at {@code POST
 * /api/messages}, each with a JWT checked against the Bot Framework's signing keys ({@link
 * dev.sparring.teams.TeamsAuth}); what the bot says goes to the activity's {@code serviceUrl} with
 * a client-credentials token from Microsoft Entra ID, rendered as Adaptive Cards.
 */
package dev.sparring.teams;
