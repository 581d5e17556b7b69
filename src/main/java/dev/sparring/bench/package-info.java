/**
 * {@code sparring bench ...}: throughput and latency figures measured on this machine ({@link
 * dev.sparring.bench.BenchCommand} and its scenarios), with {@link
 * dev.sparring.bench.SlackApiStandIn}, the loopback Slack Web API the benches and the tests talk
 * to.
 */
package dev.sparring.bench;
