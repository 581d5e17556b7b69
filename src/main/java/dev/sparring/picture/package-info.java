/**
 * Pictures: a leaderboard card, a competition podium and a personal progress chart, drawn as PNG
 * from plain data (no store, no platform). Features gather the data and attach the bytes to a
 * message with a text fallback; names are people's text and are drawn as plain text, clipped to
 * fit, with characters the font cannot show left out.
 */
package dev.sparring.picture;
